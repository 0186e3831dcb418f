package dev.squeezepipe.bench.faults;

import dev.squeezepipe.bench.stack.Waits;
import dev.squeezepipe.events.JobState;
import dev.squeezepipe.events.TrainingJobStatusChanged;

/**
 * The broker SIGKILLed mid-job and restarted on the same port and data after the outage: the job, RUNNING when the
 * broker went, completes all its planned epochs.
 */
final class BrokerAwayDuringTraining implements FaultScenario {

    private static final int EPOCHS = 4;

    @Override
    public String name() {
        return "broker-restart-during-training";
    }

    @Override
    public Outcome run(FaultRun run) throws Exception {
        String jobId = run.jobPastFirstCheckpoint(EPOCHS);
        if (run.finished(jobId)) {
            return Outcome.inconclusive("job " + jobId + " finished before the broker went");
        }
        int epochAtKill = run.latest(jobId).map(TrainingJobStatusChanged::epoch).orElse(0);
        run.brokerOutage();
        boolean done = Waits.until(run.settings().settleTimeout(), () -> run.finished(jobId));
        TrainingJobStatusChanged end = run.latest(jobId).orElseThrow();
        String detail = "broker away " + run.settings().outage().toSeconds() + " s from epoch " + epochAtKill
                + " of job " + jobId;
        if (!done || end.state() != JobState.COMPLETED || end.epoch() != EPOCHS) {
            return Outcome.failed(detail + "; then " + (done ? end.state() + " at epoch " + end.epoch() + ": "
                    + end.reason() : "not finished within " + run.settings().settleTimeout()));
        }
        return Outcome.passed(detail + "; completed " + end.epoch() + " epochs in attempt " + end.attempt());
    }
}
