package dev.squeezepipe.predictor;

/** The predictor is stopping: a request that was not answered is not a bad request and must be answered later. */
final class ShuttingDownException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    ShuttingDownException() {
        super("the predictor is shutting down");
    }
}
