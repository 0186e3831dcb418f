package dev.squeezepipe.trainer;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How a trainer runs: where checkpoints go, how long to wait for data, how often to log, who it is. Every value comes
 * from {@code application-trainer.yml} (each default there, with the variable that sets it).
 *
 * @param bootstrapServers Kafka for the job consumer (the same broker as {@code kafka.bootstrap.servers})
 * @param checkpointsBucket bucket of the checkpoints (CHECKPOINTS_BUCKET)
 * @param evaluationsBucket bucket of the evaluator's records, whose best a run's pruning keeps (EVALUATIONS_BUCKET)
 * @param datasetWait how long a job waits for its dataset to become ready before failing (TRAINER_DATASET_WAIT)
 * @param logEvery steps between progress lines in the log (TRAINER_LOG_EVERY)
 * @param instanceId this trainer's name in status events and its Kafka client id (TRAINER_ID); blank: the host name
 *     (a container's id under Docker) and the process id, unique per replica
 */
@ConfigurationProperties("trainer")
public record TrainerSettings(
        @NotBlank(message = "set KAFKA_BOOTSTRAP_SERVERS (trainer.bootstrap-servers)") String bootstrapServers,
        @NotBlank(message = "set CHECKPOINTS_BUCKET (trainer.checkpoints-bucket)") String checkpointsBucket,
        @NotBlank(message = "set EVALUATIONS_BUCKET (trainer.evaluations-bucket)") String evaluationsBucket,
        @NotNull(message = "set TRAINER_DATASET_WAIT (trainer.dataset-wait)") Duration datasetWait,
        @Min(value = 1, message = "TRAINER_LOG_EVERY (trainer.log-every) must be at least 1") int logEvery,
        String instanceId) {

    public TrainerSettings {
        instanceId = instanceId == null || instanceId.isBlank() ? defaultInstanceId() : instanceId;
    }

    /** The host name and the process id: unique per replica, and says which one. */
    static String defaultInstanceId() {
        return System.getenv().getOrDefault("HOSTNAME", "trainer") + "-" + ProcessHandle.current().pid();
    }
}
