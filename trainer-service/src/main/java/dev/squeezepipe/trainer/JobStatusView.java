package dev.squeezepipe.trainer;

import dev.squeezepipe.events.TrainingJobStatusChanged;
import dev.squeezepipe.service.DeadLetters;
import dev.squeezepipe.service.LeastRecentlyUsed;
import dev.squeezepipe.topics.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The newest status of the jobs updated last, read from the status topic by each trainer (for GET /jobs and
 * attempts). It holds the {@link #KEPT_JOBS} jobs updated or looked up last, so a long-lived trainer's memory does not grow
 * with every job ever run; an older job's statuses stay in the topic.
 */
@KafkaListener(groupId = JobStatusView.GROUP, uniqueGroupId = true, offsetReset = OffsetReset.EARLIEST,
        // a view reads its topics whole at every start, under a group of its own: an offset committed would never
        // be read, and committing one on close waits out a broker that is away
        offsetStrategy = OffsetStrategy.DISABLED)
@Requires(env = "trainer")
public class JobStatusView {

    static final String GROUP = "trainer-status-view";

    /** Jobs whose newest status is kept. */
    static final int KEPT_JOBS = 10_000;

    private final Map<String, TrainingJobStatusChanged> latest;
    private final DeadLetters deadLetters;

    @Inject
    public JobStatusView(DeadLetters deadLetters) {
        this(deadLetters, KEPT_JOBS);
    }

    JobStatusView(DeadLetters deadLetters, int kept) {
        this.deadLetters = deadLetters;
        this.latest = LeastRecentlyUsed.map(kept);
    }

    @Topic(Topics.TRAINING_JOB_STATUS)
    void onStatus(ConsumerRecord<String, byte[]> record) {
        deadLetters.readOrSkip(record, TrainingJobStatusChanged.class, GROUP).ifPresent(this::published);
    }

    /** Records a status, read or just published by this trainer (without waiting for it to come back). */
    synchronized void published(TrainingJobStatusChanged status) {
        latest.merge(status.jobId(), status, TrainingJobStatusChanged::standing);
    }

    /** The standing status of {@code jobId} (the newest, or its cancellation), if it is among the jobs kept. */
    public synchronized Optional<TrainingJobStatusChanged> latest(String jobId) {
        return Optional.ofNullable(latest.get(jobId));
    }
}
