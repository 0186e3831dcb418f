package dev.squeezepipe.trainer;

import java.util.concurrent.locks.ReentrantLock;

/**
 * DJL's PyTorch engine allows one gradient collector per process at a time, so trainers that share a JVM
 * (tests, {@code ./pipeline up}) take turns step by step. Separate processes never wait on each other.
 */
final class TrainingStepLock {

    private static final ReentrantLock LOCK = new ReentrantLock();

    private TrainingStepLock() {}

    /** Runs one training step while holding the process-wide lock. */
    static void run(Runnable step) {
        LOCK.lock();
        try {
            step.run();
        } finally {
            LOCK.unlock();
        }
    }
}
