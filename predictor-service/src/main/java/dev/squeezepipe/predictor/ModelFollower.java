package dev.squeezepipe.predictor;

import dev.squeezepipe.events.CheckpointEvaluated;
import dev.squeezepipe.events.CheckpointPublished;
import dev.squeezepipe.events.EvaluationOutcome;
import dev.squeezepipe.service.DeadLetters;
import dev.squeezepipe.topics.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Follows checkpoints and evaluations from the beginning (every predictor instance needs all of them), after
 * {@link ModelBootstrap} has told it what S3 holds, and offers the swapper what the policy picks: {@code latest}, a
 * checkpoint newer ({@link CheckpointOrder}) than any offered before; {@code best}, a checkpoint whose evaluation beats
 * the best top-1 seen so far.
 */
@KafkaListener(groupId = ModelFollower.GROUP, uniqueGroupId = true, offsetReset = OffsetReset.EARLIEST)
@Requires(env = "predictor")
public class ModelFollower {

    static final String GROUP = "predictor-models";

    private final ModelSwapper swapper;
    private final DeadLetters deadLetters;
    private final ServingPolicy policy;
    private final Map<String, CheckpointPublished> checkpoints = new HashMap<>();
    private final Map<String, CheckpointEvaluated> evaluations = new HashMap<>();
    private CheckpointPublished newestOffered;
    private double bestTop1 = -1;

    public ModelFollower(ModelSwapper swapper, DeadLetters deadLetters, PredictorSettings settings) {
        this.swapper = swapper;
        this.deadLetters = deadLetters;
        this.policy = settings.policy();
    }

    @Topic(Topics.CHECKPOINTS)
    void onCheckpoint(ConsumerRecord<String, byte[]> record) {
        deadLetters.readOrSkip(record, CheckpointPublished.class, GROUP).ifPresent(this::follow);
    }

    @Topic(Topics.EVALUATIONS)
    void onEvaluation(ConsumerRecord<String, byte[]> record) {
        deadLetters.readOrSkip(record, CheckpointEvaluated.class, GROUP).ifPresent(this::evaluated);
    }

    /** A checkpoint learned of, from its topic or from S3. */
    synchronized void follow(CheckpointPublished checkpoint) {
        checkpoints.put(checkpoint.checkpointId(), checkpoint);
        switch (policy) {
            case LATEST -> offerIfNewest(checkpoint);
            case BEST -> consider(checkpoint.checkpointId());
        }
    }

    /** An evaluation learned of, from its topic or from S3. */
    synchronized void evaluated(CheckpointEvaluated evaluation) {
        if (evaluation.outcome() == EvaluationOutcome.SCORED) {
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

    /** A checkpoint and its evaluation arrive apart: whichever comes second decides. */
    private void consider(String checkpointId) {
        CheckpointPublished checkpoint = checkpoints.get(checkpointId);
        CheckpointEvaluated evaluation = evaluations.get(checkpointId);
        if (policy == ServingPolicy.BEST && checkpoint != null && evaluation != null && evaluation.top1() > bestTop1) {
            bestTop1 = evaluation.top1();
            swapper.offer(checkpoint);
        }
    }
}
