package dev.squeezepipe.events;

import dev.squeezepipe.schema.Versioned;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A checkpoint was stored: parameters and a JSON sidecar. Consumers deduplicate on {@code checkpointId}.
 *
 * @param schema the format version it was written in (MAJOR.MINOR)
 * @param checkpointId {@code runId/epoch}
 * @param runId the run
 * @param jobId the job
 * @param datasetId the dataset trained on
 * @param epoch epochs completed
 * @param step optimizer steps done
 * @param bucket bucket holding both objects
 * @param paramsKey key of the DJL .params object
 * @param sidecarKey key of the JSON sidecar
 * @param sha256 hex sha256 of the .params bytes
 * @param variant model variant name
 * @param classes output classes
 * @param inputSize network input side
 * @param trainLoss mean training loss of the last epoch
 * @param trainAccuracy training accuracy of the last epoch
 * @param publishedAt when
 */
@Serdeable
public record CheckpointPublished(String schema, String checkpointId, String runId, String jobId, String datasetId,
        int epoch, long step, String bucket, String paramsKey, String sidecarKey, String sha256, String variant,
        int classes, int inputSize, double trainLoss, double trainAccuracy, Instant publishedAt) implements Versioned {}
