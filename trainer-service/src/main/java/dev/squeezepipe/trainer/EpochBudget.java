package dev.squeezepipe.trainer;

import dev.squeezepipe.events.TrainingJobSpec;
import dev.squeezepipe.storage.CheckpointSidecar;

/**
 * How many epochs a job with a time budget trains. The count is fixed once, at the end of the warmup (the first
 * epoch when there is none), from the time the epochs so far took: by then the speed of this machine is known,
 * and the learning rate has not yet begun the decay whose length it sets.
 */
final class EpochBudget {

    private EpochBudget() {}

    /** The job's spec, with the epoch count a budgeted run fixed before the checkpoint it resumes from, if any. */
    static TrainingJobSpec planned(TrainingJobSpec spec, CheckpointSidecar resume) {
        if (resume == null || spec.timeBudgetMinutes() == null || resume.spec().epochs() == spec.epochs()) {
            return spec;
        }
        return spec.withEpochs(resume.spec().epochs());
    }

    /** The epoch (counted from 1, after any pretrain epochs) at whose end the count is fixed. */
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
