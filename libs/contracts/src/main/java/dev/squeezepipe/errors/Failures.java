package dev.squeezepipe.errors;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * How the services turn an exception into the reason they publish: the task's own failure rather than the
 * future's wrapper around it, and a message even when the exception carries none.
 */
public final class Failures {

    private Failures() {
    }

    /** The failure inside a future's {@link CompletionException} or {@link ExecutionException}, else {@code e}. */
    public static Throwable unwrap(Throwable e) {
        Throwable failure = e;
        while ((failure instanceof CompletionException || failure instanceof ExecutionException)
                && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    /** The exception's message, or its type's name when it has none (a bare NullPointerException, say). */
    public static String reason(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
