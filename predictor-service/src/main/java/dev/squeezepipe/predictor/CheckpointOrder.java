package dev.squeezepipe.predictor;

import dev.squeezepipe.events.CheckpointPublished;
import java.util.Comparator;

/**
 * Which of two checkpoints is the newer: the one made later, and within one run, at once, the later epoch and step.
 * The order of arrival says nothing, since a predictor reads its topics' partitions in no set order and learns of
 * checkpoints from S3 too.
 */
final class CheckpointOrder {

    /** Oldest first. */
    static final Comparator<CheckpointPublished> OLDEST_FIRST = Comparator
            .comparing(CheckpointPublished::publishedAt)
            .thenComparingInt(CheckpointPublished::epoch)
            .thenComparingLong(CheckpointPublished::step);

    private CheckpointOrder() {}
}
