package dev.squeezepipe.predictor;

import dev.squeezepipe.events.CheckpointPublished;
import dev.squeezepipe.events.EvaluationCompleted;
import dev.squeezepipe.topics.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows checkpoints and evaluations from the beginning (every predictor instance needs all of them) and offers
 * the swapper what the policy picks: {@code latest}, each new checkpoint; {@code best}, each checkpoint whose
 * evaluation beats the best top-1 seen so far.
 */
@KafkaListener(groupId = "predictor-models", uniqueGroupId = true, offsetReset = OffsetReset.EARLIEST)
@Requires(env = "predictor")
public class ModelFollower {

    private final ModelSwapper swapper;
    private final boolean best;
    private final Map<String, CheckpointPublished> checkpoints = new ConcurrentHashMap<>();
    private final Map<String, EvaluationCompleted> evaluations = new ConcurrentHashMap<>();
    private double bestTop1 = -1;

    public ModelFollower(ModelSwapper swapper, PredictorSettings settings) {
        this.swapper = swapper;
        this.best = "best".equalsIgnoreCase(settings.getPolicy());
    }

    @Topic(Topics.CHECKPOINTS)
    void onCheckpoint(CheckpointPublished checkpoint) {
        checkpoints.put(checkpoint.checkpointId(), checkpoint);
        if (best) {
            consider(checkpoint.checkpointId());
        } else {
            swapper.offer(checkpoint);
        }
    }

    @Topic(Topics.EVALUATIONS)
    void onEvaluation(EvaluationCompleted evaluation) {
        if ("COMPLETED".equals(evaluation.status())) {
            evaluations.put(evaluation.checkpointId(), evaluation);
            consider(evaluation.checkpointId());
        }
    }

    /** The two topics are read independently: whichever of a checkpoint and its evaluation comes second decides. */
    private synchronized void consider(String checkpointId) {
        CheckpointPublished checkpoint = checkpoints.get(checkpointId);
        EvaluationCompleted evaluation = evaluations.get(checkpointId);
        if (best && checkpoint != null && evaluation != null && evaluation.top1() > bestTop1) {
            bestTop1 = evaluation.top1();
            swapper.offer(checkpoint);
        }
    }
}
