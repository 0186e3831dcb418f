package dev.squeezepipe.ingest;

import dev.squeezepipe.data.DatasetReader;
import dev.squeezepipe.data.DatasetReaders;
import dev.squeezepipe.data.ImageBatch;
import dev.squeezepipe.data.Split;
import dev.squeezepipe.events.DatasetReady;
import dev.squeezepipe.events.DatasetShardAnnounced;
import dev.squeezepipe.events.ShardPreprocessing;
import dev.squeezepipe.preprocess.PreprocessSpec;
import dev.squeezepipe.preprocess.Resize;
import dev.squeezepipe.schema.SchemaVersion;
import dev.squeezepipe.service.ObjectStore;
import dev.squeezepipe.storage.Hashing;
import dev.squeezepipe.storage.Npz;
import dev.squeezepipe.storage.ObjectLayout;
import dev.squeezepipe.storage.SplitManifest;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests one dataset: reads each split batch by batch, cuts it into shards of uint8 CHW images and labels,
 * stores each shard as .npz under a content-addressed key (skipping what is already stored) and announces it,
 * writes each split's manifest, and announces the dataset ready only once every split is stored.
 */
@Singleton
@Requires(env = "ingest")
public class DatasetIngestor {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetIngestor.class);

    private final ObjectStore store;
    private final IngestEventsClient events;
    private final JsonMapper json;
    private final IngestSettings settings;

    public DatasetIngestor(ObjectStore store, IngestEventsClient events, JsonMapper json, IngestSettings settings) {
        this.store = store;
        this.events = events;
        this.json = json;
        this.settings = settings;
    }

    /** The result of a completed ingest. */
    public record Result(String datasetId, long trainImages, long testImages) {}

    /** Ingests {@code request}; any failure leaves the dataset not ready and is rethrown. */
    public Result ingest(IngestRequest request, IngestProgress progress) throws IOException, InterruptedException {
        IngestOptions options = IngestOptions.of(request, settings);
        DatasetReader reader = DatasetReaders.open(options.path(), options.format(), options.imageSize());
        String datasetId = DatasetFingerprint.of(options.path(), options.format(), options.limit(), options.shardSize(),
                options.imageSize());
        progress.datasetIdentified(datasetId);
        LOG.info("Ingesting {} as dataset {} (shards of {}, {}x{}, limit {})", reader.describe(), datasetId,
                options.shardSize(), options.imageSize(), options.imageSize(),
                options.limit() == 0 ? "none" : options.limit());
        store.ensureBucket(settings.bucket());
        Map<Split, SplitManifest> manifests = new LinkedHashMap<>();
        for (Split split : Split.values()) {
            SplitManifest existing = existingManifest(datasetId, split);
            if (existing != null) {
                LOG.info("Dataset {} {} split already stored ({} images, {} shards)", datasetId, split.id(),
                        existing.images(), existing.shards().size());
                existing.shards().forEach(s -> progress.shardStored(split.id(), s.imageCount(), s.sizeBytes(), true));
            }
            manifests.put(split,
                    existing != null ? existing : ingestSplit(reader, datasetId, split, options, progress));
        }
        for (SplitManifest manifest : manifests.values()) {
            if (manifest.images() > 0) {
                events.datasetReady(datasetId, new DatasetReady(SchemaVersion.CURRENT, datasetId, manifest.split(),
                        manifest.images(), manifest.shards().size(), settings.bucket(),
                        ObjectLayout.manifestKey(datasetId, manifest.split()), reader.describe()));
            }
        }
        LOG.info("Dataset {} ready: {} train and {} test images", datasetId, manifests.get(Split.TRAIN).images(),
                manifests.get(Split.TEST).images());
        return new Result(datasetId, manifests.get(Split.TRAIN).images(), manifests.get(Split.TEST).images());
    }

    private SplitManifest existingManifest(String datasetId, Split split) throws IOException {
        String key = ObjectLayout.manifestKey(datasetId, split.id());
        return store.exists(settings.bucket(), key)
                ? json.readValue(store.get(settings.bucket(), key), SplitManifest.class) : null;
    }

    private SplitManifest ingestSplit(DatasetReader reader, String datasetId, Split split, IngestOptions options,
            IngestProgress progress) throws IOException, InterruptedException {
        List<DatasetShardAnnounced> shards = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        int batches = reader.batchCount(split);
        Long expected = expectedImages(reader, split, options.limit());
        try (ShardWriter writer = new ShardWriter(settings.writeAhead())) {
            ShardAssembler assembler = new ShardAssembler(options.shardSize(), options.imageSize(), options.limit(),
                    (index, firstImage, pixels, labels) -> writer.submit(() -> shards.add(
                            storeShard(datasetId, split, new ShardPlace(index, firstImage, expected), pixels, labels,
                            options, progress))));
            int[] batchesRead = {0};
            reader.read(split, batch -> {
                batchesRead[0]++;
                if (assembler.add(resized(batch, options.imageSize())) > 0) {
                    logProgress(datasetId, split, batchesRead[0], batches, assembler.images(), options.limit(), start);
                }
            });
            assembler.finish();
            writer.drain();
            SplitManifest manifest = new SplitManifest(datasetId, split.id(), assembler.images(), List.copyOf(shards),
                    reader.describe());
            store.put(settings.bucket(), ObjectLayout.manifestKey(datasetId, split.id()),
                    json.writeValueAsBytes(manifest), "application/json");
            return manifest;
        }
    }

    /** The split's size when the reader knows it up front (capped by the limit), else null. */
    private static Long expectedImages(DatasetReader reader, Split split, int limit) throws IOException {
        long known = reader.knownCount(split);
        return known < 0 ? null : limit > 0 ? Math.min(limit, known) : known;
    }

    /** Where a shard sits in its split, and the split's size when known up front (else null). */
    private record ShardPlace(int index, long firstImage, Long splitImages) {}

    private DatasetShardAnnounced storeShard(String datasetId, Split split, ShardPlace place, byte[] pixels,
            int[] labels, IngestOptions options, IngestProgress progress) throws IOException {
        int count = labels.length;
        int side = options.imageSize();
        byte[] labelBytes = new byte[count];
        for (int i = 0; i < count; i++) {
            labelBytes[i] = (byte) labels[i];
        }
        Map<String, Npz.Array> arrays = new LinkedHashMap<>();
        arrays.put("images", new Npz.Array(new int[] {count, 3, side, side}, pixels));
        arrays.put("labels", new Npz.Array(new int[] {count}, labelBytes));
        byte[] npz = Npz.write(arrays);
        String sha256 = Hashing.sha256Hex(npz);
        String key = ObjectLayout.shardKey(datasetId, split.id(), place.index(), sha256);
        boolean alreadyStored = store.exists(settings.bucket(), key);
        if (!alreadyStored) {
            store.put(settings.bucket(), key, npz, "application/octet-stream");
        }
        DatasetShardAnnounced event = new DatasetShardAnnounced(SchemaVersion.CURRENT, datasetId, split.id(),
                place.index(), place.firstImage(), settings.bucket(), key, count, List.of(count, 3, side, side),
                "uint8", sha256, npz.length, preprocessing(side), place.splitImages());
        events.shardAnnounced(datasetId, event);
        progress.shardStored(split.id(), count, npz.length, alreadyStored);
        return event;
    }

    private static ShardPreprocessing preprocessing(int side) {
        List<Float> mean = new ArrayList<>();
        List<Float> std = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            mean.add(PreprocessSpec.CIFAR_MEAN[c]);
            std.add(PreprocessSpec.CIFAR_STD[c]);
        }
        return new ShardPreprocessing(side, mean, std);
    }

    private static ImageBatch resized(ImageBatch batch, int side) {
        if (batch.height() == side && batch.width() == side) {
            return batch;
        }
        byte[] pixels = new byte[batch.count() * 3 * side * side];
        for (int i = 0; i < batch.count(); i++) {
            byte[] image = Resize.bilinear(batch.image(i), batch.height(), batch.width(), side);
            System.arraycopy(image, 0, pixels, i * image.length, image.length);
        }
        return new ImageBatch(batch.source(), side, side, pixels, batch.labels());
    }

    private static void logProgress(String datasetId, Split split, int batchesRead, int batches, long images,
            int limit, long start) {
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        String percent = limit > 0 ? String.format(Locale.ROOT, "%.0f%%", Math.min(100.0, 100.0 * images / limit))
                : batches > 0 ? String.format(Locale.ROOT, "%.0f%%", 100.0 * batchesRead / batches)
                : "batch " + batchesRead;
        LOG.info("{} {}: {} ({} images, {} images/s)", datasetId, split.id(), percent, images,
                String.format(Locale.ROOT, "%.0f", images / seconds));
    }
}
