package dev.squeezepipe.storage;

import dev.squeezepipe.events.CheckpointPublished;
import dev.squeezepipe.schema.SchemaVersion;
import dev.squeezepipe.schema.Versioned;
import dev.squeezepipe.spec.ScheduleRefit;
import dev.squeezepipe.spec.TrainingJobSpec;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * The JSON stored beside a checkpoint's parameters: enough to verify the parameters, rebuild the network, resume the
 * run, and tell what wrote it.
 *
 * @param schema the format version it was written in (MAJOR.MINOR)
 * @param checkpoint which checkpoint of which run
 * @param params the DJL .params object
 * @param optimizer the optimizer's momentum buffers; null when none were saved
 * @param spec the job's spec, with the epoch count in force when the checkpoint was stored
 * @param train how training went up to this checkpoint
 * @param refits the changes a time budget made to the run's length so far, in order; empty: none
 * @param provenance what wrote the checkpoint
 */
@Serdeable
public record CheckpointSidecar(String schema, Checkpoint checkpoint, StoredObject params,
        @Nullable StoredObject optimizer, TrainingJobSpec spec, TrainResult train, List<ScheduleRefit> refits,
        Provenance provenance) implements Versioned {

    public CheckpointSidecar {
        // empty lists are left out of the JSON: read back, that is none
        refits = refits == null ? List.of() : List.copyOf(refits);
    }

    /** Key of this sidecar in its bucket. */
    public String key() {
        return ObjectLayout.checkpointSidecarKey(checkpoint.runId(), checkpoint.epoch(), checkpoint.step());
    }

    /** The event that announces this checkpoint, stored in {@code bucket}. */
    public CheckpointPublished announcement(String bucket) {
        TrainingJobSpec.Network network = spec.network();
        return new CheckpointPublished(SchemaVersion.CURRENT, checkpoint.id(), checkpoint.runId(), checkpoint.jobId(),
                spec.datasetId(), checkpoint.epoch(), checkpoint.step(), bucket, params.key(), key(), params.sha256(),
                network.variant(), network.classes(), network.inputSize(), train.loss(), train.accuracy(),
                checkpoint.createdAt());
    }

    /**
     * Which checkpoint this is.
     *
     * @param id {@code runId/epoch}
     * @param runId the run
     * @param jobId the job
     * @param epoch epochs completed
     * @param step optimizer steps done
     * @param createdAt when it was stored
     */
    @Serdeable
    public record Checkpoint(String id, String runId, String jobId, int epoch, long step, Instant createdAt) {}

    /**
     * An object in the checkpoint's bucket, with what verifies it.
     *
     * @param key its key
     * @param sha256 hex sha256 of its bytes
     * @param sizeBytes its size
     */
    @Serdeable
    public record StoredObject(String key, String sha256, long sizeBytes) {}

    /**
     * How training went.
     *
     * @param loss mean training loss of the last epoch
     * @param accuracy training accuracy of the last epoch
     * @param seconds time the job has run so far, over every attempt (what its time budget counts)
     */
    @Serdeable
    public record TrainResult(double loss, double accuracy, double seconds) {}

    /**
     * What wrote a checkpoint, to tell later which code and libraries a model came from.
     *
     * @param commit the git commit the trainer was built from ({@code unknown} outside a checkout)
     * @param djlVersion DJL's version
     * @param pytorchVersion the PyTorch engine's version
     * @param javaVersion the JVM's version
     * @param device the device the run trained on
     * @param trainer the trainer instance
     */
    @Serdeable
    public record Provenance(String commit, String djlVersion, String pytorchVersion, String javaVersion,
            String device, String trainer) {}
}
