package dev.squeezepipe.ingest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Where an ingest stands.
 *
 * @param ingestId the request's id
 * @param path what is being ingested
 * @param state QUEUED, RUNNING, COMPLETED or FAILED
 * @param datasetId the dataset id, once known
 * @param images images stored (or found stored) so far
 * @param shards shards stored (or found stored) so far
 * @param reason why it failed, or null
 */
@Serdeable
public record IngestStatus(String ingestId, String path, IngestState state, @Nullable String datasetId, long images,
        int shards, @Nullable String reason) {}
