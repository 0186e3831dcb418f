package dev.squeezepipe.predictor;

/** Requests came before any model was loaded: the listener's poll is retried until one is. */
final class NoModelYetException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    NoModelYetException(int requests) {
        super("no model loaded yet; " + requests + " requests wait");
    }
}
