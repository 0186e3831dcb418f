package dev.squeezepipe.events;

import dev.squeezepipe.schema.Versioned;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Every shard of one split of a dataset is stored and announced.
 *
 * @param schema the format version it was written in (MAJOR.MINOR)
 * @param datasetId content-derived id of the dataset
 * @param split train or test
 * @param images images in the split
 * @param shards shards in the split
 * @param bucket bucket holding the shards and manifest
 * @param manifestKey key of the split's JSON manifest listing every shard
 * @param source what was ingested
 */
@Serdeable
public record DatasetReady(String schema, String datasetId, String split, long images, int shards, String bucket,
        String manifestKey, String source) implements Versioned {}
