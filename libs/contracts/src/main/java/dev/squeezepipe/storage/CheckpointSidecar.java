package dev.squeezepipe.storage;

import dev.squeezepipe.spec.TrainingJobSpec;
import dev.squeezepipe.spec.ScheduleRefit;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * The JSON stored beside a checkpoint's parameters: enough to verify the parameters and rebuild the network.
 *
 * @param checkpointId {@code runId/epoch}
 * @param runId the run
 * @param jobId the job
 * @param epoch epochs completed
 * @param step optimizer steps done
 * @param paramsKey key of the .params object (same bucket)
 * @param sha256 hex sha256 of the .params bytes
 * @param sizeBytes size of the .params object
 * @param spec the job's full spec: variant, knobs, classes, input size, hyperparameters
 * @param trainLoss mean training loss of the epoch
 * @param trainAccuracy training accuracy of the epoch
 * @param seconds time the job has run so far, over every attempt (what its time budget counts)
 * @param createdAt when
 * @param optimizerKey key of the optimizer's momentum buffers (same bucket), null when none were saved
 * @param optimizerSha256 hex sha256 of those bytes, null with them
 * @param refits the changes a time budget made to the run's length so far, in order; null or empty: none
 */
@Serdeable
public record CheckpointSidecar(String checkpointId, String runId, String jobId, int epoch, long step, String paramsKey,
        String sha256, long sizeBytes, TrainingJobSpec spec, double trainLoss, double trainAccuracy, double seconds,
        Instant createdAt, @Nullable String optimizerKey, @Nullable String optimizerSha256,
        @Nullable List<ScheduleRefit> refits) {}
