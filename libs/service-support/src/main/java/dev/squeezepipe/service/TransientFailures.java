package dev.squeezepipe.service;

import dev.squeezepipe.errors.Permanent;
import java.io.IOException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure that may pass (S3 or the broker away longer than their clients retry) from one that will not: a
 * {@link Permanent} anywhere in the causes is permanent; otherwise an {@link IOException} or a Kafka error the client
 * calls retriable (a timeout among them) is transient; anything else (a bug, a spec the code cannot run) is permanent,
 * so that it ends with its reason rather than be retried for ever.
 */
public final class TransientFailures {

    private TransientFailures() {}

    /** Whether trying the failed work again, later, can succeed. */
    public static boolean isTransient(Throwable failure) {
        boolean passing = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Permanent) {
                return false;
            }
            passing |= t instanceof IOException || t instanceof RetriableException;
        }
        return passing;
    }
}
