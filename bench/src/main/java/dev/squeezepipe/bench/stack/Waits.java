package dev.squeezepipe.bench.stack;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The benches' one way to wait for what the services do: polling a condition until it holds or time is up. */
public final class Waits {

    private static final Duration POLL = Duration.ofMillis(250);

    private Waits() {}

    /** Polls {@code condition} until it holds (true) or {@code timeout} passes (false). */
    public static boolean until(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }
}
