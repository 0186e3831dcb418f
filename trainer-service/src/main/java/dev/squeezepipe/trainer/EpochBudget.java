package dev.squeezepipe.trainer;

import dev.squeezepipe.spec.ScheduleRefit;
import dev.squeezepipe.spec.TrainingJobSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many epochs a job with a time budget trains. The count is first fitted at the end of the warmup (the first
 * epoch when there is none): by then the speed of this machine is known, and the learning rate has not yet begun
 * the decay whose length it sets. It is fitted again after every later epoch, timed without the warmup's epochs
 * (which carry the JIT's warm-up): it may shrink at any time, so a machine that slows down still ends in time, and
 * grow during the first half of the decay, so an estimate that leaned early does not leave the budget unused.
 * Epochs are timed per input side (see {@link ProgressiveResizing}); a side not timed yet is estimated from the other
 * by their pixel ratio, which overstates the larger side's cost, so a resizing run may also grow once at its first
 * epoch at the input size, when the rest of the run is timed for the first time.
 */
final class EpochBudget {

    private static final Logger LOG = LoggerFactory.getLogger(EpochBudget.class);

    private final String runId;
    private final TrainingJobSpec job;
    private final ProgressiveResizing resizing;
    private final double secondsBefore;
    private final long attemptStart;
    private final EpochTimes warmup = new EpochTimes();
    private final EpochTimes timed = new EpochTimes();
    private long lastEnd;
    private int lastEpoch;

    /**
     * The budget of an attempt that took the job at {@code attemptStart} (System.nanoTime) and began training
     * {@code firstEpoch} at {@code trainingStart}, after earlier attempts used {@code secondsBefore} seconds of it.
     */
    EpochBudget(String runId, TrainingJobSpec job, double secondsBefore, long attemptStart, long trainingStart,
            int firstEpoch) {
        this.runId = runId;
        this.job = job;
        this.resizing = ProgressiveResizing.of(job);
        this.secondsBefore = secondsBefore;
        this.attemptStart = attemptStart;
        this.lastEnd = trainingStart;
        this.lastEpoch = firstEpoch - 1;
    }

    /** Seconds of the budget used at {@code now}: the earlier attempts' and this one's, data loading included. */
    double secondsUsed(long now) {
        return secondsBefore + (now - attemptStart) / 1e9;
    }

    /**
     * The epochs the run trains in all, fitted to the budget after {@code epoch}, which trained (as did any since the
     * last call) at input side {@code side}; {@code planned} when the job has no budget, when the warmup has not
     * ended, or when the count stays.
     */
    int epochsAfter(int epoch, int side, int planned, long now) {
        int decision = decisionEpoch(job);
        boolean firstAtInputSize = resizing.resizes() && side == resizing.inputSize() && !timed.has(side);
        (epoch <= decision ? warmup : timed).add(side, (now - lastEnd) / 1e9, epoch - lastEpoch);
        lastEnd = now;
        lastEpoch = epoch;
        if (job.budget().minutes() == null || epoch < decision || epoch >= planned) {
            return planned;
        }
        double secondsLeft = job.budget().minutes() * 60 - secondsUsed(now);
        boolean atInputSize = side == resizing.inputSize();
        double small = secondsPerEpoch(resizing.lowSize());
        double large = secondsPerEpoch(resizing.inputSize());
        int fitted = epochsWithin(job.budget().epochs(), epoch,
                (e, n) -> atInputSize || !resizing.low(e, n) ? large : small, secondsLeft);
        boolean lateGrowth = epoch > decision && fitted > planned && 2 * (epoch - decision) > planned - decision
                && !firstAtInputSize;
        if (fitted == planned || lateGrowth) {
            return planned;
        }
        LOG.info("{}: {} epochs fit in the {}-minute budget{} ({} s per epoch at {}px, {} min left); {}", runId, fitted,
                job.budget().minutes(), epoch == decision ? "" : ", not " + planned,
                Math.round(secondsPerEpoch(side)), side, Math.round(secondsLeft / 60), epoch == decision
                        ? "the learning rate decays over them" : "the rest of the decay is fitted onto them");
        return fitted;
    }

    /**
     * Seconds an epoch at {@code side} takes: the mean of this attempt's epochs at that side after the warmup, else
     * of the warmup's; a side not timed at all is estimated from the other by the pixel ratio.
     */
    private double secondsPerEpoch(int side) {
        if (timed.has(side) || warmup.has(side)) {
            return (timed.has(side) ? timed : warmup).mean(side);
        }
        int other = side == resizing.inputSize() ? resizing.lowSize() : resizing.inputSize();
        double ratio = (double) side * side / ((double) other * other);
        return (timed.has(other) ? timed : warmup).mean(other) * ratio;
    }

    /** The job's spec with the epoch count its latest refit set. */
    static TrainingJobSpec planned(TrainingJobSpec job, List<ScheduleRefit> refits) {
        return refits.isEmpty() ? job : job.withEpochs(refits.get(refits.size() - 1).epochs());
    }

    /** The epoch (counted from 1, after any pretrain epochs) at whose end the count is first fitted. */
    static int decisionEpoch(TrainingJobSpec spec) {
        return Math.max(1, spec.schedule().warmupEpochs() - spec.schedule().pretrainEpochs());
    }

    /**
     * Epochs in all: as many as fit in {@code secondsLeft} when epoch {@code e} of a run of {@code n} epochs takes
     * {@code cost.seconds(e, n)}, at most {@code maxEpochs}, and at least one more than {@code epochsDone} so the
     * learning rate still decays when time has run out.
     */
    static int epochsWithin(int maxEpochs, int epochsDone, EpochCost cost, double secondsLeft) {
        int fitted = epochsDone + 1;
        for (int n = epochsDone + 1; n <= maxEpochs; n++) {
            double seconds = 0;
            for (int e = epochsDone + 1; e <= n; e++) {
                seconds += cost.seconds(e, n);
            }
            if (seconds > secondsLeft) {
                break;
            }
            fitted = n;
        }
        return Math.min(maxEpochs, fitted);
    }

    /** Seconds epoch {@code epoch} takes in a run of {@code epochs} epochs. */
    @FunctionalInterface
    interface EpochCost {
        double seconds(int epoch, int epochs);
    }

    /** Seconds and counts of timed epochs per input side. */
    private static final class EpochTimes {

        private final Map<Integer, double[]> bySide = new HashMap<>();

        void add(int side, double seconds, int epochs) {
            double[] sums = bySide.computeIfAbsent(side, s -> new double[2]);
            sums[0] += seconds;
            sums[1] += epochs;
        }

        boolean has(int side) {
            return bySide.containsKey(side);
        }

        double mean(int side) {
            double[] sums = bySide.get(side);
            return sums[0] / sums[1];
        }
    }
}
