package dev.squeezepipe.bench.faults;


/**
 * The broker SIGKILLed while the predictors answer a burst of classification requests, restarted after the outage:
 * every request is answered or dead-lettered.
 */
final class BrokerAwayDuringBurst implements FaultScenario {

    private static final int REQUESTS = 3000;
    private static final String REDELIVERIES = "predictor_redeliveries_total";

    @Override
    public String name() {
        return "broker-restart-during-burst";
    }

    @Override
    public Outcome run(FaultRun run) throws Exception {
        int settledAtKill = run.burstUnderway(REQUESTS);
        if (settledAtKill >= REQUESTS) {
            return Outcome.inconclusive("the burst was answered before the broker went");
        }
        double rewoundBefore = run.predictorMetric(REDELIVERIES);
        run.brokerOutage();
        Outcome outcome = run.awaitRequestsSettled("broker away " + run.settings().outage().toSeconds() + " s with "
                + settledAtKill + " of " + REQUESTS + " requests answered");
        return new Outcome(outcome.verdict(), outcome.detail() + "; the predictors polled "
                + (long) (run.predictorMetric(REDELIVERIES) - rewoundBefore) + " time(s) again after failed sends");
    }
}
