package dev.squeezepipe.trainer;

import dev.squeezepipe.events.TrainingJobStatusChanged;
import dev.squeezepipe.service.DeadLetters;
import dev.squeezepipe.topics.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The newest status of every job, read from the status topic by each trainer (for GET /jobs and attempts). */
@KafkaListener(groupId = JobStatusView.GROUP, uniqueGroupId = true, offsetReset = OffsetReset.EARLIEST)
@Requires(env = "trainer")
public class JobStatusView {

    static final String GROUP = "trainer-status-view";

    private final Map<String, TrainingJobStatusChanged> latest = new ConcurrentHashMap<>();
    private final DeadLetters deadLetters;

    public JobStatusView(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Topic(Topics.TRAINING_JOB_STATUS)
    void onStatus(ConsumerRecord<String, byte[]> record) {
        deadLetters.readOrSkip(record, TrainingJobStatusChanged.class, GROUP).ifPresent(this::published);
    }

    /** Records a status, read or just published by this trainer (without waiting for it to come back). */
    void published(TrainingJobStatusChanged status) {
        latest.merge(status.jobId(), status, (old, now) -> now.at().isBefore(old.at()) ? old : now);
    }

    public Optional<TrainingJobStatusChanged> latest(String jobId) {
        return Optional.ofNullable(latest.get(jobId));
    }
}
