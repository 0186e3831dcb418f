package dev.squeezepipe.predictor;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.squeezepipe.events.CheckpointPublished;
import dev.squeezepipe.model.IntraOpThreads;
import dev.squeezepipe.model.SqueezeNet;
import dev.squeezepipe.model.SqueezeNetConfig;
import dev.squeezepipe.modelstore.CheckpointLoader;
import dev.squeezepipe.modelstore.LoadedCheckpoint;
import dev.squeezepipe.preprocess.PreprocessSpec;
import dev.squeezepipe.preprocess.Preprocessor;
import dev.squeezepipe.storage.CheckpointSidecar;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the checkpoints offered to it on one background thread, newest offer first (offers that a newer one
 * overtook are skipped), warms each up with a forward pass, and only then swaps it in. A checkpoint that fails
 * to load or warm up leaves the current model serving.
 */
@Singleton
@Requires(env = "predictor")
public class ModelSwapper implements ModelOffers {

    private static final Logger LOG = LoggerFactory.getLogger(ModelSwapper.class);

    private final CheckpointLoader loader;
    private final PredictorMetrics metrics;
    private final PredictorSettings settings;
    private final AtomicReference<ServedModel> current = new AtomicReference<>();
    private final AtomicReference<CheckpointPublished> pending = new AtomicReference<>();
    private final AtomicLong versions = new AtomicLong();
    private final ExecutorService loaderThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "model-loader"));
    private volatile long lastSwapNanos;

    public ModelSwapper(CheckpointLoader loader, PredictorMetrics metrics, PredictorSettings settings) {
        this.loader = loader;
        this.metrics = metrics;
        this.settings = settings;
    }

    @Override
    public void offer(CheckpointPublished checkpoint) {
        pending.set(checkpoint);
        loaderThread.submit(this::loadPending);
    }

    /** The model being served, held for the caller (who must release it), or null before the first load. */
    ServedModel acquire() {
        while (true) {
            ServedModel model = current.get();
            if (model == null || model.acquire()) {
                return model;
            }
        }
    }

    /** Id of the checkpoint being served, or null. */
    public String currentId() {
        ServedModel model = current.get();
        return model == null ? null : model.id();
    }

    /** The served checkpoint's sidecar, or null. */
    public CheckpointSidecar currentSidecar() {
        ServedModel model = current.get();
        return model == null ? null : model.sidecar();
    }

    /** System.nanoTime() of the last swap, 0 before any. */
    public long lastSwapNanos() {
        return lastSwapNanos;
    }

    private void loadPending() {
        CheckpointPublished checkpoint = pending.getAndSet(null);
        if (checkpoint == null) {
            return; // a newer offer was already loaded
        }
        try {
            ServedModel loaded = load(checkpoint);
            ServedModel old = current.getAndSet(loaded);
            lastSwapNanos = System.nanoTime();
            metrics.swapped(loaded.version());
            LOG.info("Serving {} (model version {})", loaded.id(), loaded.version());
            if (old != null) {
                old.release();
            }
        } catch (Exception e) {
            metrics.swapFailed();
            LOG.error("Checkpoint {} not served, keeping {}: {}", checkpoint.checkpointId(), currentId(),
                    e.getMessage());
        }
    }

    private ServedModel load(CheckpointPublished checkpoint) throws Exception {
        LoadedCheckpoint loaded = loader.load(checkpoint, settings.checkpointsBucket());
        try {
            warmUp(loaded.model(), loaded.config(), settings.intraOpThreads());
            Preprocessor preprocessor = new Preprocessor(PreprocessSpec.recipe(loaded.config().inputSize(), false));
            return new ServedModel(checkpoint.checkpointId(), loaded, preprocessor, versions.incrementAndGet());
        } catch (Exception | LinkageError e) {
            loaded.close();
            throw e;
        }
    }

    private static void warmUp(Model model, SqueezeNetConfig config, int intraOpThreads) {
        // with the serving threads' count: a default (2-thread) OpenMP team would stay on this long-lived thread
        IntraOpThreads.use(intraOpThreads);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList out = model.getBlock().forward(new ParameterStore(manager, false),
                    new NDList(manager.zeros(SqueezeNet.inputShape(config, 1))), false);
            if (out.singletonOrThrow().getShape().get(1) != config.classes()) {
                throw new IllegalStateException("warm-up produced " + out.singletonOrThrow().getShape());
            }
        }
    }

    @PreDestroy
    void close() {
        loaderThread.shutdownNow();
        ServedModel model = current.getAndSet(null);
        if (model != null) {
            model.release();
        }
    }
}
