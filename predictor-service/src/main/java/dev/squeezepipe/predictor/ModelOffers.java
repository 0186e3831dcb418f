package dev.squeezepipe.predictor;

import dev.squeezepipe.events.CheckpointPublished;

/** Where the {@link ModelFollower} sends the checkpoints its policy picks: the {@link ModelSwapper}. */
interface ModelOffers {

    /** Asks for {@code checkpoint} to be served; returns at once. */
    void offer(CheckpointPublished checkpoint);
}
