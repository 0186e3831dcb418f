package dev.squeezepipe.trainer;

import java.time.Duration;
import java.util.Map;

/**
 * Whether the trainer's job loop takes jobs: when it last polled, and why its consumer failed while it has not polled
 * since.
 *
 * @param lastPollNanos System.nanoTime() of the last poll that returned; 0 before the first
 * @param failure why the consumer failed, while no new one has polled; null otherwise
 */
record JobLoopState(long lastPollNanos, String failure) {

    /** A healthy loop polls every quarter of a second, a job running or not: a minute of silence is a stuck loop. */
    static final Duration STALE = Duration.ofSeconds(60);

    static JobLoopState starting() {
        return new JobLoopState(0, null);
    }

    /** Whether the loop can take jobs at {@code nowNanos}. */
    boolean healthy(long nowNanos) {
        return failure == null && lastPollNanos != 0 && nowNanos - lastPollNanos <= STALE.toNanos();
    }

    /** What the health check shows at {@code nowNanos}. */
    Map<String, Object> details(long nowNanos) {
        if (failure != null) {
            return Map.of("error", "the job consumer failed: " + failure + "; a new one is on its way");
        }
        if (lastPollNanos == 0) {
            return Map.of("error", "the job consumer has not polled yet");
        }
        return Map.of("lastPollSecondsAgo", (nowNanos - lastPollNanos) / 1_000_000_000L);
    }
}
