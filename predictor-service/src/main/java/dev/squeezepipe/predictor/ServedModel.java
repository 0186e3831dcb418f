package dev.squeezepipe.predictor;

import ai.djl.Model;
import dev.squeezepipe.model.SqueezeNetConfig;
import dev.squeezepipe.modelstore.LoadedCheckpoint;
import dev.squeezepipe.preprocess.Preprocessor;
import dev.squeezepipe.storage.CheckpointSidecar;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loaded checkpoint being served. Requests hold it while they run; once it is replaced, it closes when the
 * last of them lets go, so requests in flight finish on the model they started on.
 */
final class ServedModel {

    private final String id;
    private final LoadedCheckpoint loaded;
    private final Preprocessor preprocessor;
    private final long version;
    private final AtomicInteger holders = new AtomicInteger(1); // the swapper's own hold until replaced

    ServedModel(String id, LoadedCheckpoint loaded, Preprocessor preprocessor, long version) {
        this.id = id;
        this.loaded = loaded;
        this.preprocessor = preprocessor;
        this.version = version;
    }

    Model model() {
        return loaded.model();
    }

    CheckpointSidecar sidecar() {
        return loaded.sidecar();
    }

    SqueezeNetConfig config() {
        return loaded.config();
    }

    Preprocessor preprocessor() {
        return preprocessor;
    }

    long version() {
        return version;
    }

    /** The id of the checkpoint event it was loaded for. */
    String id() {
        return id;
    }

    /** Takes a hold; false when the model has already closed. */
    boolean acquire() {
        while (true) {
            int n = holders.get();
            if (n == 0) {
                return false;
            }
            if (holders.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Lets go of a hold; the last one closes the model. */
    void release() {
        if (holders.decrementAndGet() == 0) {
            loaded.close();
        }
    }
}
