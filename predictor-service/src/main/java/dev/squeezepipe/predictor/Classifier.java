package dev.squeezepipe.predictor;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.squeezepipe.data.CifarClasses;
import dev.squeezepipe.events.ClassPrediction;
import dev.squeezepipe.model.Inference;
import dev.squeezepipe.model.IntraOpThreads;
import dev.squeezepipe.preprocess.Images;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Micro-batches classification requests: each inference thread takes the first waiting request, gathers more
 * for up to the max delay or the max batch size, and runs them through the served model in one forward pass.
 * Several inference threads (each with its own intra-op thread count) run batches side by side. With test-time
 * flips each image also runs mirrored and its probabilities are the two softmaxes' mean.
 */
@Singleton
@Requires(env = "predictor")
public class Classifier {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Classifier.class);

    private record Pending(Images.Decoded image, CompletableFuture<Prediction> result, long enqueued) {}

    private final ModelSwapper swapper;
    private final PredictorSettings settings;
    private final PredictorMetrics metrics;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Room for decoded images waiting for or in inference, in KiB: the queue's bound. */
    private final Semaphore room;
    private final int roomKib;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;

    public Classifier(ModelSwapper swapper, PredictorSettings settings, PredictorMetrics metrics) {
        this.swapper = swapper;
        this.settings = settings;
        this.metrics = metrics;
        this.roomKib = (int) Math.min(Integer.MAX_VALUE, settings.maxInFlightBytes() >> 10);
        this.room = new Semaphore(roomKib);
        for (int i = 0; i < Math.max(1, settings.inferenceThreads()); i++) {
            Thread worker = new Thread(this::loop, "inference-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /** Whether a model is loaded. */
    public boolean ready() {
        return swapper.currentId() != null;
    }

    /** Whether the predictor is shutting down: nothing queued from now on is classified. */
    public boolean stopping() {
        return !running;
    }

    /**
     * Queues {@code image} for the next batch, waiting while the images in flight fill the room
     * ({@code predictor.max-in-flight-bytes}); a Kafka poll waits here rather than piling images up.
     */
    public CompletableFuture<Prediction> classify(Images.Decoded image) throws InterruptedException {
        int kib = kibOf(image);
        while (running) {
            if (room.tryAcquire(kib, 100, TimeUnit.MILLISECONDS)) {
                return queued(image, kib);
            }
        }
        return stopped();
    }

    /** As {@link #classify}, but empty at once when there is no room: an HTTP caller is told to come back. */
    public Optional<CompletableFuture<Prediction>> tryClassify(Images.Decoded image) {
        if (!running) {
            return Optional.of(stopped());
        }
        int kib = kibOf(image);
        return room.tryAcquire(kib) ? Optional.of(queued(image, kib)) : Optional.empty();
    }

    private int kibOf(Images.Decoded image) {
        return (int) Math.min(roomKib, Math.max(1, image.chw().length >> 10)); // never more than the whole room
    }

    /** Queues an image whose room is taken; the room is given back when its result is settled. */
    private CompletableFuture<Prediction> queued(Images.Decoded image, int kib) {
        CompletableFuture<Prediction> result = new CompletableFuture<>();
        result.whenComplete((prediction, error) -> room.release(kib));
        if (!running) {
            result.completeExceptionally(new ShuttingDownException());
            return result;
        }
        queue.add(new Pending(image, result, System.nanoTime()));
        return result;
    }

    private static CompletableFuture<Prediction> stopped() {
        return CompletableFuture.failedFuture(new ShuttingDownException());
    }

    private void loop() {
        IntraOpThreads.use(settings.intraOpThreads()); // this thread keeps it for every batch it runs
        while (running) {
            List<Pending> batch = List.of();
            try {
                batch = nextBatch();
                if (!batch.isEmpty()) {
                    run(batch);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Throwable e) { // the inference thread must outlive any batch, or every later request waits forever
                LOG.error("Inference of a batch of {} failed: {}", batch.size(), e.toString(), e);
                batch.forEach(p -> p.result().completeExceptionally(e));
            }
        }
    }

    private List<Pending> nextBatch() throws InterruptedException {
        List<Pending> batch = new ArrayList<>();
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        long deadline = System.nanoTime() + settings.maxDelay().toNanos();
        try {
            while (batch.size() < settings.maxBatch()) {
                Pending next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
                batch.add(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: the requests already taken still get their answer
        }
        return batch;
    }

    private void run(List<Pending> batch) {
        ServedModel model = swapper.acquire();
        if (model == null) {
            batch.forEach(p -> p.result().completeExceptionally(new IllegalStateException("no model loaded yet")));
            return;
        }
        long start = System.nanoTime();
        try {
            float[] logits = forward(model, batch, settings.testTimeFlips());
            long inference = System.nanoTime() - start;
            metrics.batch(batch.size(), start - batch.get(0).enqueued(), inference);
            int classes = model.config().classes();
            for (int i = 0; i < batch.size(); i++) {
                Prediction prediction = new Prediction(top(logits, i * classes, classes), model.id(), model.version());
                batch.get(i).result().complete(prediction);
            }
        } finally {
            model.release();
        }
    }

    private static float[] forward(ServedModel model, List<Pending> batch, boolean flips) {
        int side = model.config().inputSize();
        int floats = model.preprocessor().floatsPerImage();
        float[] input = new float[batch.size() * floats];
        for (int i = 0; i < batch.size(); i++) {
            Images.Decoded image = batch.get(i).image();
            model.preprocessor().apply(image.chw(), image.height(), image.width(), input, i * floats, null);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            return Inference.logits(model.model().getBlock(), new ParameterStore(manager, false),
                    manager.create(input, new Shape(batch.size(), 3, side, side)), flips).toFloatArray();
        }
    }

    private List<ClassPrediction> top(float[] logits, int offset, int classes) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, logits[offset + c]);
        }
        double[] p = new double[classes];
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            p[c] = Math.exp(logits[offset + c] - max);
            sum += p[c];
        }
        double total = sum;
        return IntStream.range(0, classes).boxed()
                .sorted(Comparator.comparingDouble((Integer c) -> -p[c]).thenComparingInt(c -> c))
                .limit(Math.min(settings.topK(), classes))
                .map(c -> new ClassPrediction(c, CifarClasses.name(c), p[c] / total))
                .toList();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            worker.join(5_000);
        }
        // whoever waits for these gets an answer: not a classification, but that the predictor has stopped
        for (Pending pending; (pending = queue.poll()) != null; ) {
            pending.result().completeExceptionally(new ShuttingDownException());
        }
    }
}
