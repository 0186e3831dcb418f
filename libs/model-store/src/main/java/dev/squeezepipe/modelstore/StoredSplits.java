package dev.squeezepipe.modelstore;

import dev.squeezepipe.data.Split;
import dev.squeezepipe.errors.MissingDataException;
import dev.squeezepipe.service.Cancellation;
import dev.squeezepipe.service.ObjectStore;
import dev.squeezepipe.service.ShardCache;
import dev.squeezepipe.storage.ObjectLayout;
import dev.squeezepipe.storage.SplitManifest;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Optional;

/** Dataset splits as the ingest service stored them: a split's manifest, and its images through the shard cache. */
@Singleton
public class StoredSplits {

    private final ObjectStore store;
    private final ShardCache cache;
    private final JsonMapper json;

    public StoredSplits(ObjectStore store, ShardCache cache, JsonMapper json) {
        this.store = store;
        this.cache = cache;
        this.json = json;
    }

    /** The split's manifest, or empty while the split is not completely stored. */
    public Optional<SplitManifest> manifest(String bucket, String datasetId, Split split) throws IOException {
        String key = ObjectLayout.manifestKey(datasetId, split.id());
        if (!store.exists(bucket, key)) {
            return Optional.empty();
        }
        return Optional.of(json.readValue(store.get(bucket, key), SplitManifest.class));
    }

    /**
     * At most {@code limit} images (0: all) of the split; a {@link MissingDataException} naming the dataset when the
     * split is not stored.
     */
    public SplitData load(String bucket, String datasetId, Split split, int limit)
            throws IOException, InterruptedException {
        SplitManifest manifest = manifest(bucket, datasetId, split).orElseThrow(() -> new MissingDataException(
                "dataset " + datasetId + " has no stored " + split.id() + " split ("
                        + ObjectLayout.manifestKey(datasetId, split.id()) + ")"));
        return SplitData.load(manifest.shards(), cache, limit, new Cancellation());
    }
}
