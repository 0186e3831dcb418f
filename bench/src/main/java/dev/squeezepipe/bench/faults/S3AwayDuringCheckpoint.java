package dev.squeezepipe.bench.faults;

import dev.squeezepipe.bench.stack.ServiceProcess;
import dev.squeezepipe.bench.stack.Waits;
import dev.squeezepipe.events.JobState;
import dev.squeezepipe.events.TrainingJobStatusChanged;

/**
 * S3 stopped as a trainer finishes an epoch, so its checkpoint write meets the outage, and restarted after it: the
 * trainer retries the write (its retry counter rises while S3 is away) and completes the job.
 */
final class S3AwayDuringCheckpoint implements FaultScenario {

    private static final int EPOCHS = 4;
    private static final String PUT_RETRIES = "s3_retries_total";

    @Override
    public String name() {
        return "s3-restart-during-checkpoint-write";
    }

    @Override
    public Outcome run(FaultRun run) throws Exception {
        String jobId = run.traffic().submit(run.job(EPOCHS));
        // the epoch-1 status goes out right before the epoch-1 checkpoint is written
        if (!Waits.until(run.settings().settleTimeout(), () -> run.latest(jobId)
                .filter(s -> s.state() == JobState.RUNNING && s.epoch() >= 1).isPresent())) {
            return Outcome.failed("job " + jobId + " finished no epoch within " + run.settings().settleTimeout());
        }
        TrainingJobStatusChanged atStop = run.latest(jobId).orElseThrow();
        ServiceProcess trainer = run.trainer(atStop.trainer());
        double retries = run.s3Outage(trainer, PUT_RETRIES);
        boolean done = Waits.until(run.settings().settleTimeout(), () -> run.finished(jobId));
        TrainingJobStatusChanged end = run.latest(jobId).orElseThrow();
        String detail = "S3 away " + run.settings().outage().toSeconds() + " s from the end of epoch "
                + atStop.epoch() + "; " + trainer.name() + " retried S3 " + (long) retries + " time(s)";
        if (retries == 0) {
            return Outcome.inconclusive(detail + ": the outage missed the trainer's writes");
        }
        if (!done || end.state() != JobState.COMPLETED || end.epoch() != EPOCHS) {
            return Outcome.failed(detail + "; then " + (done ? end.state() + ": " + end.reason()
                    : "not finished within " + run.settings().settleTimeout()));
        }
        return Outcome.passed(detail + "; completed " + end.epoch() + " epochs with " + run.checkpoints(jobId).size()
                + " checkpoint events");
    }
}
