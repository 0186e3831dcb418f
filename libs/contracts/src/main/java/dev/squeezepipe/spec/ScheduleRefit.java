package dev.squeezepipe.spec;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A time budget changed a run's length: after epoch {@code epoch} (counted after any pretrain epochs) the run trains
 * {@code epochs} epochs in all, and what was left of its learning-rate schedule is fitted onto the new length.
 *
 * @param epoch the epoch at whose end the length changed
 * @param epochs the run's epochs from then on
 */
@Serdeable
public record ScheduleRefit(int epoch, int epochs) {

    public ScheduleRefit {
        if (epoch < 1 || epochs <= epoch) {
            throw new IllegalArgumentException("a refit after epoch " + epoch + " must leave at least one epoch, got "
                    + epochs + " epochs");
        }
    }
}
