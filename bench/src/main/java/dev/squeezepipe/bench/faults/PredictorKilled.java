package dev.squeezepipe.bench.faults;

import dev.squeezepipe.bench.stack.ServiceProcess;
import java.util.List;

/**
 * A predictor SIGKILLed mid-burst with a second predictor in the group: the other takes over the killed one's
 * partitions and every request is answered or dead-lettered.
 */
final class PredictorKilled implements FaultScenario {

    private static final int REQUESTS = 3000;

    @Override
    public String name() {
        return "predictor-sigkill-mid-burst";
    }

    @Override
    public Outcome run(FaultRun run) throws Exception {
        if (run.predictors().size() < 2) {
            return Outcome.inconclusive("needs two predictors in the group, has " + run.predictors().size());
        }
        int settledAtKill = run.burstUnderway(REQUESTS);
        ServiceProcess victim = run.predictors().get(0);
        if (settledAtKill >= REQUESTS) {
            return Outcome.inconclusive("the burst was answered before the kill");
        }
        if (!victim.kill()) {
            return Outcome.inconclusive(victim + " survived SIGKILL");
        }
        Outcome outcome = run.awaitRequestsSettled(victim.name() + " killed with " + settledAtKill + " of "
                + REQUESTS + " requests answered");
        run.awaitHealthy(List.of(run.startPredictor(victim.name())));
        return outcome;
    }
}
