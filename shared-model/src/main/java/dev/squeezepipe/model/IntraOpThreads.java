package dev.squeezepipe.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * How many threads PyTorch uses inside one operator, for the calling thread's next operations. Several inference
 * threads with one intra-op thread each keep both cores busy without OpenMP barriers that stall whenever another
 * thread (Kafka, HTTP) takes a core; PyTorch keeps the count per thread, so it is set before each use.
 */
public final class IntraOpThreads {

    private IntraOpThreads() {}

    /** Sets the count for operations on the calling thread; 0 or less means the engine's own default. */
    public static void use(int threads) {
        if ("PyTorch".equals(Engine.getDefaultEngineName())) {
            int engineDefault = EngineDefault.THREADS; // read before the first change
            JniUtils.setNumThreads(threads > 0 ? threads : engineDefault);
        }
    }

    /** Read once, before this class ever changes it: one per core, or {@code ai.djl.pytorch.num_threads}. */
    private static final class EngineDefault {
        static final int THREADS = JniUtils.getNumThreads();
    }
}
