package dev.squeezepipe.service;

import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Interrupts a service's work in progress when it is told to stop, so that it exits within the grace period
 * compose and Kubernetes give (30 s) even while S3 or the broker is away: without it, work waiting out an outage
 * (an S3 retry, a scoring pass, a send) holds the shutdown for minutes. Work that is interrupted has not been
 * acknowledged (its offset is not committed), so another instance, or this one when it is back, does it again.
 *
 * <p>The {@link ShutdownEvent} reaches this before any bean is destroyed, and so before micronaut-kafka waits for
 * its listener threads to end.
 */
@Singleton
public class ShutdownInterrupts {

    /** A piece of work that may be interrupted. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private final Set<Thread> working = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    /** Runs {@code work} on this thread, interrupted if the service is told to stop meanwhile. */
    public void run(Work work) throws Exception {
        Thread self = Thread.currentThread();
        working.add(self);
        try {
            if (stopping) {
                throw new InterruptedException("the service is stopping");
            }
            work.run();
        } finally {
            working.remove(self);
        }
    }

    /** Whether the service has been told to stop. */
    public boolean stopping() {
        return stopping;
    }

    @EventListener
    void stop(ShutdownEvent event) {
        stopping = true;
        working.forEach(Thread::interrupt);
    }
}
