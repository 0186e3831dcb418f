package dev.squeezepipe.predictor;

/** Which checkpoint a predictor serves. */
public enum ServingPolicy {
    /** Each new checkpoint, as it is published. */
    LATEST,
    /** The checkpoint whose evaluation has the best top-1 so far. */
    BEST
}
