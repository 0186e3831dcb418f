package dev.squeezepipe.predictor;

import dev.squeezepipe.events.CheckpointEvaluated;
import dev.squeezepipe.events.CheckpointPublished;
import dev.squeezepipe.events.EvaluationOutcome;
import dev.squeezepipe.service.DeadLetters;
import dev.squeezepipe.service.LeastRecentlyUsed;
import dev.squeezepipe.storage.CheckpointAnnouncements;
import dev.squeezepipe.topics.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows checkpoints and evaluations from the beginning (every predictor instance needs all of them), after
 * {@link ModelBootstrap} has told it what S3 holds, and offers the swapper what the policy picks: {@code latest}, a
 * checkpoint newer ({@link CheckpointOrder}) than any offered before; {@code best}, a checkpoint whose evaluation beats
 * the best top-1 seen so far.
 */
@KafkaListener(groupId = ModelFollower.GROUP, uniqueGroupId = true, offsetReset = OffsetReset.EARLIEST,
        // a view reads its topics whole at every start, under a group of its own: an offset committed would never
        // be read, and committing one on close waits out a broker that is away
        offsetStrategy = OffsetStrategy.DISABLED)
@Requires(env = "predictor")
public class ModelFollower {

    private static final Logger LOG = LoggerFactory.getLogger(ModelFollower.class);

    static final String GROUP = "predictor-models";

    /** Checkpoints, and evaluations, that wait for their other half under {@code best}; the least used go beyond. */
    static final int KEPT_UNMATCHED = 10_000;

    private final ModelOffers swapper;
    private final DeadLetters deadLetters;
    private final ServingPolicy policy;
    private final String checkpointsBucket;
    private final Counter refused;
    private final Map<String, CheckpointPublished> checkpoints = bounded();
    private final Map<String, CheckpointEvaluated> evaluations = bounded();
    private CheckpointPublished newestOffered;
    private double bestTop1 = -1;

    public ModelFollower(ModelOffers swapper, DeadLetters deadLetters, PredictorSettings settings,
            MeterRegistry registry) {
        this.swapper = swapper;
        this.deadLetters = deadLetters;
        this.policy = settings.policy();
        this.checkpointsBucket = settings.checkpointsBucket();
        this.refused = Counter.builder("predictor.checkpoints.refused")
                .description("Checkpoint events naming no stored checkpoint of this pipeline").register(registry);
    }

    /**
     * Follows a checkpoint event that names a stored checkpoint of this pipeline; one naming another bucket or keys
     * of its own is skipped, logged and counted ({@code predictor_checkpoints_refused_total}) before it can outrank
     * a real one. The evaluators, which own the topic, dead-letter it.
     */
    @Topic(Topics.CHECKPOINTS)
    void onCheckpoint(ConsumerRecord<String, byte[]> record) {
        deadLetters.readOrSkip(record, CheckpointPublished.class, GROUP).ifPresent(checkpoint -> {
            Optional<String> foreign = CheckpointAnnouncements.problem(checkpoint, checkpointsBucket);
            if (foreign.isPresent()) {
                LOG.warn("Checkpoint event {} ({}) refused: {}", DeadLetters.origin(record),
                        checkpoint.checkpointId(), foreign.get());
                refused.increment();
            } else {
                follow(checkpoint);
            }
        });
    }

    @Topic(Topics.EVALUATIONS)
    void onEvaluation(ConsumerRecord<String, byte[]> record) {
        deadLetters.readOrSkip(record, CheckpointEvaluated.class, GROUP).ifPresent(this::evaluated);
    }

    /** A checkpoint learned of, from its topic or from S3. */
    synchronized void follow(CheckpointPublished checkpoint) {
        switch (policy) {
            case LATEST -> offerIfNewest(checkpoint);
            case BEST -> {
                checkpoints.put(checkpoint.checkpointId(), checkpoint);
                consider(checkpoint.checkpointId());
            }
        }
    }

    /** An evaluation learned of, from its topic or from S3. */
    synchronized void evaluated(CheckpointEvaluated evaluation) {
        if (policy == ServingPolicy.BEST && evaluation.outcome() == EvaluationOutcome.SCORED) {
            evaluations.put(evaluation.checkpointId(), evaluation);
            consider(evaluation.checkpointId());
        }
    }

    private void offerIfNewest(CheckpointPublished checkpoint) {
        if (newestOffered == null || CheckpointOrder.OLDEST_FIRST.compare(checkpoint, newestOffered) > 0) {
            newestOffered = checkpoint;
            swapper.offer(checkpoint);
        }
    }

    /** A checkpoint and its evaluation arrive apart: whichever comes second decides, and then both are done. */
    private void consider(String checkpointId) {
        CheckpointPublished checkpoint = checkpoints.get(checkpointId);
        CheckpointEvaluated evaluation = evaluations.get(checkpointId);
        if (checkpoint == null || evaluation == null) {
            return;
        }
        checkpoints.remove(checkpointId);
        evaluations.remove(checkpointId);
        if (evaluation.top1() > bestTop1) {
            bestTop1 = evaluation.top1();
            swapper.offer(checkpoint);
        }
    }

    /** Checkpoints and evaluations still waiting for their other half. */
    synchronized int unmatched() {
        return checkpoints.size() + evaluations.size();
    }

    private static <V> Map<String, V> bounded() {
        return LeastRecentlyUsed.map(KEPT_UNMATCHED);
    }
}
