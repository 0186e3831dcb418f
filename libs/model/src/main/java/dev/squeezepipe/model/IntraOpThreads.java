package dev.squeezepipe.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * How many threads PyTorch uses inside one operator, for the calling thread's next operations. Several inference
 * threads with one intra-op thread each keep both cores busy without OpenMP barriers that stall whenever another
 * thread (Kafka, HTTP) takes a core. PyTorch keeps the count per thread, but setting it also changes the count a
 * thread starting its first parallel operator picks up; so where services share a JVM, every thread that runs
 * heavy work sets its own before it starts (the trainer's job thread, {@link OwnThread}, inference threads).
 */
public final class IntraOpThreads {

    private IntraOpThreads() {}

    /**
     * Sets the count for operations on the calling thread; 0 or less means the engine's own default. Loads the
     * engine first if nothing has yet (a thread may call this before any model exists).
     */
    public static void use(int threads) {
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            int engineDefault = EngineDefault.THREADS; // read before the first change
            // PyTorch sets a thread's count from the process-wide one when the thread first asks for it, which could
            // be after another thread changed that: ask first, so the count set next is the one this thread keeps
            JniUtils.getNumThreads();
            JniUtils.setNumThreads(threads > 0 ? threads : engineDefault);
        }
    }

    /** Read once, before this class ever changes it: one per core, or {@code ai.djl.pytorch.num_threads}. */
    private static final class EngineDefault {
        static final int THREADS = JniUtils.getNumThreads();
    }
}
