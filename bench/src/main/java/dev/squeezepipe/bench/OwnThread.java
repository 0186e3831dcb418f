package dev.squeezepipe.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs PyTorch work on a thread of its own, whose OpenMP team ends with it. libgomp keeps a team of workers per
 * thread that has run a parallel PyTorch op, and once a process holds more OpenMP threads than CPUs, idle workers
 * spin 100 times instead of 300,000 before they sleep (GOMP_SPINCOUNT's documented throttling): a bare loop or a
 * test-set scoring on the long-lived main thread left its team behind and slowed every later training step by 10-20%
 * here (the "drift" of earlier bench runs).
 */
final class OwnThread {

    private OwnThread() {}

    static <T> T call(String name, Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, name);
        thread.start();
        thread.join();
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
