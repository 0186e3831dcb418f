package dev.squeezepipe.events;

import dev.squeezepipe.schema.Versioned;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A checkpoint's evaluation ended: its dataset's test split was scored ({@link EvaluationOutcome#SCORED}, with the
 * scores), or it could not be ({@link EvaluationOutcome#FAILED}, with the reason and no scores).
 *
 * @param schema the format version it was written in (MAJOR.MINOR)
 * @param checkpointId the checkpoint scored
 * @param runId its run
 * @param epoch its epoch
 * @param outcome scored, or failed with a reason
 * @param reason why it failed, or null
 * @param images test images scored
 * @param top1 top-1 accuracy
 * @param top5 top-5 accuracy
 * @param meanLoss mean softmax cross-entropy
 * @param perClassAccuracy accuracy of each class, in label order
 * @param confusion confusion matrix, rows true labels, columns predictions
 * @param best whether this is the run's best top-1 so far
 * @param seconds evaluation time
 * @param at when
 * @param testTimeFlips whether each image was also scored mirrored, the two softmaxes averaged (the evaluator's
 *     setting): the top-1 of serving with the same setting, at twice the inference cost
 */
@Serdeable
public record CheckpointEvaluated(String schema, String checkpointId, String runId, int epoch,
        EvaluationOutcome outcome, @Nullable String reason, long images, double top1, double top5, double meanLoss,
        List<Double> perClassAccuracy, List<List<Long>> confusion, boolean best, double seconds, Instant at,
        boolean testTimeFlips) implements Versioned {}
