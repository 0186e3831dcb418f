package dev.squeezepipe.trainer;

import dev.squeezepipe.events.TrainingJobStatusChanged;
import dev.squeezepipe.topics.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The newest status of every job, read from the status topic by each trainer (for GET /jobs and attempts). */
@KafkaListener(groupId = "trainer-status-view", uniqueGroupId = true, offsetReset = OffsetReset.EARLIEST)
@Requires(env = "trainer")
public class JobStatusView {

    private final Map<String, TrainingJobStatusChanged> latest = new ConcurrentHashMap<>();

    @Topic(Topics.TRAINING_JOB_STATUS)
    void onStatus(@KafkaKey String jobId, TrainingJobStatusChanged status) {
        latest.merge(jobId, status, (old, now) -> now.at().isBefore(old.at()) ? old : now);
    }

    /** Records a status this trainer just published, without waiting for it to come back from Kafka. */
    void published(TrainingJobStatusChanged status) {
        onStatus(status.jobId(), status);
    }

    public Optional<TrainingJobStatusChanged> latest(String jobId) {
        return Optional.ofNullable(latest.get(jobId));
    }
}
