package dev.squeezepipe.bench.faults;

import dev.squeezepipe.bench.stack.ServiceProcess;
import dev.squeezepipe.events.CheckpointPublished;
import java.util.List;

/**
 * The evaluator SIGKILLed while it scores a checkpoint, and started again: it scores that checkpoint again (its
 * offset was not committed) and every checkpoint of the job gets its evaluation.
 */
final class EvaluatorKilled implements FaultScenario {

    private static final int EPOCHS = 2;

    @Override
    public String name() {
        return "evaluator-sigkill-mid-scoring";
    }

    @Override
    public Outcome run(FaultRun run) throws Exception {
        String jobId = run.jobPastFirstCheckpoint(EPOCHS);
        CheckpointPublished first = run.checkpoints(jobId).get(0);
        Thread.sleep(500); // the evaluator has the checkpoint's event and is loading or scoring it
        ServiceProcess victim = run.evaluator();
        if (run.evaluated(first.checkpointId())) {
            return Outcome.inconclusive("checkpoint " + first.checkpointId() + " evaluated before the kill");
        }
        if (!victim.kill()) {
            return Outcome.inconclusive(victim + " survived SIGKILL");
        }
        run.awaitHealthy(List.of(run.startEvaluator()));
        boolean evaluated = run.awaitJobEvaluated(jobId);
        String detail = "evaluator killed with " + first.checkpointId() + " unevaluated";
        return evaluated ? Outcome.passed(detail + "; after its restart every checkpoint of the job evaluated")
                : Outcome.failed(detail + "; not all of the job's checkpoints evaluated within "
                        + run.settings().settleTimeout());
    }
}
