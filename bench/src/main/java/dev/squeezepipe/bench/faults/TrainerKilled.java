package dev.squeezepipe.bench.faults;

import dev.squeezepipe.bench.stack.ServiceProcess;
import dev.squeezepipe.bench.stack.Waits;
import dev.squeezepipe.events.JobState;
import dev.squeezepipe.events.TrainingJobStatusChanged;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * A trainer SIGKILLed mid-epoch, after its first checkpoint, while a second trainer is in the group: the second
 * takes the job over and resumes it from the newest checkpoint, not from epoch 0, and completes it.
 */
final class TrainerKilled implements FaultScenario {

    private static final int EPOCHS = 5;

    @Override
    public String name() {
        return "trainer-sigkill-mid-epoch";
    }

    @Override
    public Outcome run(FaultRun run) throws Exception {
        if (run.trainers().size() < 2) {
            return Outcome.inconclusive("needs two trainers in the group, has " + run.trainers().size());
        }
        String jobId = run.jobPastFirstCheckpoint(EPOCHS);
        TrainingJobStatusChanged before = run.latest(jobId).orElseThrow();
        ServiceProcess victim = run.trainer(before.trainer());
        Thread.sleep(1000); // into the next epoch: the kill lands mid-epoch, between checkpoints
        if (run.finished(jobId)) {
            return Outcome.inconclusive("job " + jobId + " finished before the kill");
        }
        Instant killed = Instant.now();
        if (!victim.kill()) {
            return Outcome.inconclusive(victim + " survived SIGKILL");
        }
        boolean done = Waits.until(run.settings().settleTimeout(), () -> run.finished(jobId));
        run.awaitHealthy(List.of(run.startTrainer(victim.name())));
        TrainingJobStatusChanged end = run.latest(jobId).orElseThrow();
        if (!done || end.state() != JobState.COMPLETED) {
            return Outcome.failed("job " + jobId + " " + (done ? "ended " + end.state() + ": " + end.reason()
                    : "not finished within " + run.settings().settleTimeout()) + " after " + victim + " was killed");
        }
        OptionalInt firstEpochAfter = run.statuses(jobId).stream()
                .filter(s -> s.at().isAfter(killed) && !s.trainer().equals(victim.name()) && s.epoch() > 0)
                .mapToInt(TrainingJobStatusChanged::epoch).min();
        int resumedFrom = firstEpochAfter.orElse(1) - 1;
        String detail = victim.name() + " killed in epoch " + (before.epoch() + 1) + "; " + end.trainer()
                + " resumed from epoch " + resumedFrom + " and completed " + end.epoch() + " epochs";
        return resumedFrom > 0 ? Outcome.passed(detail) : Outcome.failed(detail + " (restarted from scratch)");
    }
}
