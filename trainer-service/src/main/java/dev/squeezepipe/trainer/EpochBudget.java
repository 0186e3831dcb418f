package dev.squeezepipe.trainer;

import dev.squeezepipe.events.TrainingJobSpec;
import dev.squeezepipe.schedule.ScheduleRefit;
import dev.squeezepipe.storage.CheckpointSidecar;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many epochs a job with a time budget trains. The count is first fitted at the end of the warmup (the first
 * epoch when there is none): by then the speed of this machine is known, and the learning rate has not yet begun
 * the decay whose length it sets. It is fitted again after every later epoch, timed without the warmup's epochs
 * (which carry the JIT's warm-up): it may shrink at any time, so a machine that slows down still ends in time, and
 * grow during the first half of the decay, so an estimate that leaned early does not leave the budget unused.
 */
final class EpochBudget {

    private static final Logger LOG = LoggerFactory.getLogger(EpochBudget.class);

    private final String runId;
    private final TrainingJobSpec job;
    private final double secondsBefore;
    private final long attemptStart;
    private long clock;
    private int clockEpoch;

    /**
     * The budget of an attempt that took the job at {@code attemptStart} (System.nanoTime) and began training
     * {@code firstEpoch} at {@code trainingStart}, after earlier attempts used {@code secondsBefore} seconds of it.
     */
    EpochBudget(String runId, TrainingJobSpec job, double secondsBefore, long attemptStart, long trainingStart,
            int firstEpoch) {
        this.runId = runId;
        this.job = job;
        this.secondsBefore = secondsBefore;
        this.attemptStart = attemptStart;
        this.clock = trainingStart;
        this.clockEpoch = firstEpoch - 1;
    }

    /** Seconds of the budget used at {@code now}: the earlier attempts' and this one's, data loading included. */
    double secondsUsed(long now) {
        return secondsBefore + (now - attemptStart) / 1e9;
    }

    /**
     * The epochs the run trains in all, fitted to the budget after {@code epoch}; {@code planned} when the job has no
     * budget, when the warmup has not ended, or when the count stays.
     */
    int epochsAfter(int epoch, int planned, long now) {
        int decision = decisionEpoch(job);
        if (job.timeBudgetMinutes() == null || epoch < decision || epoch >= planned) {
            return planned;
        }
        double secondsPerEpoch = (now - clock) / 1e9 / (epoch - clockEpoch);
        double secondsLeft = job.timeBudgetMinutes() * 60 - secondsUsed(now);
        int fitted = epochsWithin(job.epochs(), epoch, secondsPerEpoch, secondsLeft);
        if (epoch == decision) {
            clock = now; // later epochs are timed from here, without the warmup's
            clockEpoch = epoch;
        }
        boolean lateGrowth = epoch > decision && fitted > planned && 2 * (epoch - decision) > planned - decision;
        if (fitted == planned || lateGrowth) {
            return planned;
        }
        LOG.info("{}: {} epochs fit in the {}-minute budget{} ({} s per epoch, {} min left); {}", runId, fitted,
                job.timeBudgetMinutes(), epoch == decision ? "" : ", not " + planned, Math.round(secondsPerEpoch),
                Math.round(secondsLeft / 60), epoch == decision ? "the learning rate decays over them"
                        : "the rest of the decay is fitted onto them");
        return fitted;
    }

    /** The refits of the run a checkpoint belongs to, for a run resumed from it ({@code resume} may be null). */
    static List<ScheduleRefit> refits(TrainingJobSpec job, CheckpointSidecar resume) {
        if (resume == null) {
            return List.of();
        }
        if (resume.refits() != null) {
            return resume.refits();
        }
        // sidecars written before refits were stored carry only the count fitted at the end of the warmup
        int fitted = resume.spec().epochs();
        return fitted == job.epochs() ? List.of() : List.of(new ScheduleRefit(decisionEpoch(job), fitted));
    }

    /** The job's spec with the epoch count its latest refit set. */
    static TrainingJobSpec planned(TrainingJobSpec job, List<ScheduleRefit> refits) {
        return refits.isEmpty() ? job : job.withEpochs(refits.get(refits.size() - 1).epochs());
    }

    /** The epoch (counted from 1, after any pretrain epochs) at whose end the count is first fitted. */
    static int decisionEpoch(TrainingJobSpec spec) {
        return Math.max(1, spec.warmupEpochs() - spec.pretrainEpochs());
    }

    /**
     * Epochs in all: as many as fit in {@code secondsLeft} at {@code secondsPerEpoch}, at most {@code maxEpochs},
     * and at least one more than {@code epochsDone} so the learning rate still decays when time has run out.
     */
    static int epochsWithin(int maxEpochs, int epochsDone, double secondsPerEpoch, double secondsLeft) {
        long more = (long) Math.floor(Math.max(0, secondsLeft) / secondsPerEpoch);
        return (int) Math.min(maxEpochs, Math.max(epochsDone + 1, epochsDone + more));
    }
}
