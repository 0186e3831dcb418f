package dev.squeezepipe.storage;

import dev.squeezepipe.events.DatasetShardAnnounced;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Every shard of one dataset split, written once the split is complete: a consumer that missed the
 * announcements learns the split from here.
 *
 * @param datasetId the dataset
 * @param split train or test
 * @param images images in the split
 * @param shards the shards, in order
 * @param source what was ingested
 */
@Serdeable
public record SplitManifest(String datasetId, String split, long images, List<DatasetShardAnnounced> shards,
        String source) {}
