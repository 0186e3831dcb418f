package dev.squeezepipe.service;

import java.time.Duration;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded exponential backoff, the one way the services retry a transient failure: the first retry after
 * {@code first}, each wait doubling up to {@code max}, until {@code giveUpAfter} has passed since the first try; then
 * the last failure is thrown. A failure that is not transient is thrown at once.
 *
 * @param first the wait before the first retry
 * @param max the longest wait between two tries
 * @param giveUpAfter how long after the first try no further try starts
 */
public record Backoff(Duration first, Duration max, Duration giveUpAfter) {

    private static final Logger LOG = LoggerFactory.getLogger(Backoff.class);

    /** One try of an operation. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws Exception;
    }

    /** Told of each retry, before its wait. */
    @FunctionalInterface
    public interface RetryListener {
        void retrying(int attempt, Exception failure, Duration wait);
    }

    /** The wait after {@code wait}: twice as long, at most {@code max}. */
    public static Duration doubled(Duration wait, Duration max) {
        Duration twice = wait.multipliedBy(2);
        return twice.compareTo(max) > 0 ? max : twice;
    }

    /**
     * The result of {@code attempt}, tried again while it fails with what {@code transientFailure} accepts and time
     * is left; {@code what} names the operation in the log.
     */
    public <T> T call(String what, Predicate<Exception> transientFailure, RetryListener listener, Attempt<T> attempt)
            throws Exception {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        Duration wait = first;
        for (int tries = 1; ; tries++) {
            try {
                return attempt.run();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (!transientFailure.test(e) || System.nanoTime() + wait.toNanos() > deadline) {
                    throw e;
                }
                LOG.warn("{} failed ({}); try {} in {} ms", what, e.getMessage(), tries + 1, wait.toMillis());
                listener.retrying(tries, e, wait);
                Thread.sleep(wait.toMillis());
                wait = doubled(wait, max);
            }
        }
    }
}
