package dev.squeezepipe.bench.faults;

import dev.squeezepipe.events.CheckpointPublished;
import java.util.List;

/**
 * S3 stopped as a checkpoint is published, so the evaluator's reads meet the outage, and restarted after it: the
 * evaluator retries (its retry counter rises while S3 is away) and every checkpoint of the job gets its evaluation.
 */
final class S3AwayDuringEvaluation implements FaultScenario {

    private static final int EPOCHS = 2;

    @Override
    public String name() {
        return "s3-restart-during-evaluation";
    }

    @Override
    public Outcome run(FaultRun run) throws Exception {
        String jobId = run.jobPastFirstCheckpoint(EPOCHS);
        CheckpointPublished first = run.checkpoints(jobId).get(0);
        if (run.evaluated(first.checkpointId())) {
            return Outcome.inconclusive("checkpoint " + first.checkpointId() + " evaluated before S3 went");
        }
        double retries = run.s3Outage(run.evaluator(), "s3_retries_total");
        String detail = "S3 away " + run.settings().outage().toSeconds() + " s from the publication of "
                + first.checkpointId() + "; the evaluator retried S3 " + (long) retries + " time(s)";
        if (retries == 0) {
            return Outcome.inconclusive(detail + ": the outage missed the evaluator");
        }
        boolean evaluated = run.awaitJobEvaluated(jobId);
        List<String> missing = run.checkpoints(jobId).stream().map(CheckpointPublished::checkpointId)
                .filter(id -> !run.evaluated(id)).distinct().toList();
        return evaluated ? Outcome.passed(detail + "; every checkpoint of the job evaluated")
                : Outcome.failed(detail + "; not evaluated within " + run.settings().settleTimeout() + ": " + missing);
    }
}
