package dev.squeezepipe.bench;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.Batchifier;
import dev.squeezepipe.data.Split;
import dev.squeezepipe.infra.EmbeddedStack;
import dev.squeezepipe.model.ModelSummary;
import dev.squeezepipe.model.ModelVariant;
import dev.squeezepipe.model.OwnThread;
import dev.squeezepipe.model.SqueezeNet;
import dev.squeezepipe.model.SqueezeNetConfig;
import dev.squeezepipe.modelstore.SplitData;
import dev.squeezepipe.preprocess.PreprocessSpec;
import dev.squeezepipe.preprocess.Preprocessor;
import dev.squeezepipe.service.Cancellation;
import dev.squeezepipe.service.ShardCache;
import dev.squeezepipe.spec.DesignSpace;
import dev.squeezepipe.spec.TrainingJobSpec.Augmentation;
import dev.squeezepipe.spec.TrainingJobSpec.Checkpoints;
import dev.squeezepipe.spec.TrainingJobSpec.Network;
import dev.squeezepipe.spec.TrainingJobSpec;
import dev.squeezepipe.storage.Files2;
import dev.squeezepipe.trainer.ShardCatalog;
import dev.squeezepipe.trainer.TrainerMetrics;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Training throughput of the trainer service (shards from S3, announced on Kafka) against a bare DJL loop on
 * the same images held as ready tensors, CIFAR stem at 32x32, in one run (the bare figure is the mean of a loop
 * before and one after the service); and the step's FLOP/s against a large fp32 matrix product through DJL
 * measured in the same run.
 */
public final class TrainBenchmark {

    private static final int MATMUL_N = 2048;
    private static final int MATMUL_ROUNDS = 5;

    private TrainBenchmark() {}

    public static BenchResult run(Path data, int steps, int batch) throws Exception {
        Path dir = Files.createTempDirectory("bench-train-");
        int images = steps * batch;
        try (EmbeddedStack stack = EmbeddedStack.start(dir)) {
            String datasetId = TrainFlow.ingest(stack, data, images);
            // the matrix product also runs before and after, and the faster is the peak: one measurement of it
            // was seen to swing between 120 and 216 GFLOP/s on this VM, and a low one inflates peak_share
            double matmulBefore = matmulOnOwnThread();
            double service;
            double bareBefore;
            double bareAfter;
            SplitData tensors;
            try (ApplicationContext trainer = stack.context("trainer", Map.of("trainer.instance-id", "bench",
                    "shards.cache-dir", dir.resolve("cache").toString()))) {
                tensors = SplitData.load(trainer.getBean(ShardCatalog.class).awaitSplit(datasetId, Split.TRAIN,
                        Duration.ofMinutes(1), new Cancellation()), trainer.getBean(ShardCache.class), images,
                        new Cancellation());
                // the bare loop runs before and after the service: the machine's drift between the runs shows as
                // their difference
                bareBefore = bareLoopOnOwnThread(tensors, steps, batch);
                // this trainer alone takes the job: a second one in the group could run it and leave these gauges empty
                TrainFlow.Outcome outcome = TrainFlow.train(trainer, spec(datasetId, batch, images));
                service = trainer.getBean(TrainerMetrics.class).run(outcome.jobId()).imagesPerSecond();
            }
            // after the trainer has stopped, so that its job thread's OpenMP team is gone as well
            bareAfter = bareLoopOnOwnThread(tensors, steps, batch);
            double bare = (bareBefore + bareAfter) / 2;
            double matmulAfter = matmulOnOwnThread();
            double matmul = Math.max(matmulBefore, matmulAfter);
            long macs = ModelSummary.of(SqueezeNet.build(config()), config()).totalMultiplyAccumulates();
            double stepFlops = 3.0 * macs * 2 * service;
            return new BenchResult()
                    .put("bench", "train")
                    .put("model", "cifar 32x32, batch " + batch)
                    .put("steps_per_epoch", steps)
                    .put("service_images_per_s", service)
                    .put("bare_images_per_s", bare)
                    .put("bare_before_images_per_s", bareBefore)
                    .put("bare_after_images_per_s", bareAfter)
                    .put("ratio", service / bare)
                    .put("forward_macs_per_image", macs)
                    .put("step_gflops", stepFlops / 1e9)
                    .put("matmul_gflops", matmul / 1e9)
                    .put("matmul_before_gflops", matmulBefore / 1e9)
                    .put("matmul_after_gflops", matmulAfter / 1e9)
                    .put("peak_share", stepFlops / matmul)
                    .put("bare_peak_share", 3.0 * macs * 2 * bare / matmul)
                    .put("tcmalloc", String.valueOf(System.getenv("LD_PRELOAD")).contains("tcmalloc"))
                    .put("target_ratio", 0.95)
                    .put("target_peak_share", 0.8);
        } finally {
            Files2.deleteTree(dir);
        }
    }

    private static SqueezeNetConfig config() {
        return new SqueezeNetConfig(ModelVariant.parse("cifar"), 10, 32, DesignSpace.DEFAULT);
    }

    /** The service run: two epochs of {@code steps}; the second epoch's rate is the figure (the first warms up). */
    private static TrainingJobSpec spec(String datasetId, int batch, int images) {
        return TrainingJobSpec.plain(datasetId, Network.cifar10("cifar", 32), 2, batch).withTrainLimit(images)
                .withAugmentation(Augmentation.CROP_AND_FLIP).withCheckpoints(new Checkpoints(1, 1));
    }

    /** {@link #bareLoop} on a thread of its own, whose OpenMP team ends with it (see {@link OwnThread}). */
    private static double bareLoopOnOwnThread(SplitData data, int steps, int batch) throws Exception {
        return OwnThread.call("bare-loop", () -> bareLoop(data, steps, batch));
    }

    /** {@link #matmulFlops} on a thread of its own, so no OpenMP team of it slows the training that follows. */
    private static double matmulOnOwnThread() throws Exception {
        return OwnThread.call("matmul", TrainBenchmark::matmulFlops);
    }

    /** Images/s of a bare DJL loop over ready tensors: 20 warm-up steps, then {@code steps} timed. */
    static double bareLoop(SplitData data, int steps, int batch) {
        Preprocessor preprocessor = new Preprocessor(PreprocessSpec.recipe(32, true));
        try (Model model = Model.newInstance("bare")) {
            model.setBlock(SqueezeNet.build(config()));
            DefaultTrainingConfig training = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.01f)).optMomentum(0.9f)
                            .optWeightDecays(1e-4f).build())
                    .optDevices(Engine.getInstance().getDevices());
            try (Trainer trainer = model.newTrainer(training)) {
                trainer.initialize(new Shape(batch, 3, 32, 32));
                NDManager held = trainer.getManager().newSubManager();
                List<NDList> batches = new ArrayList<>();
                int[] order = data.order(1, 1);
                Random random = new Random(1);
                for (int s = 0; s < steps; s++) {
                    batches.add(data.batch(held, order, s * batch, (s + 1) * batch, preprocessor, random));
                }
                for (int s = 0; s < 20; s++) {
                    step(trainer, batches.get(s % steps), held, batch);
                }
                long start = System.nanoTime();
                for (int s = 0; s < steps; s++) {
                    step(trainer, batches.get(s), held, batch);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                held.close();
                return steps * batch / seconds;
            }
        }
    }

    private static void step(Trainer trainer, NDList arrays, NDManager held, int batch) {
        try (NDManager stepManager = trainer.getManager().newSubManager()) {
            Batch b = new Batch(stepManager, new NDList(arrays.get(0)), new NDList(arrays.get(1)), batch,
                    Batchifier.STACK, Batchifier.STACK, 0, 1);
            EasyTrain.trainBatch(trainer, b);
            trainer.step();
            arrays.attach(held); // the batch took the ready tensors; hand them back before the step's arrays go
        }
    }

    /**
     * FLOP/s of {@value #MATMUL_N}x{@value #MATMUL_N} fp32 matrix products through DJL: the fastest of
     * {@value #MATMUL_ROUNDS} rounds of 10 products, after 3 of warm-up.
     */
    static double matmulFlops() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.randomUniform(-1f, 1f, new Shape(MATMUL_N, MATMUL_N));
            NDArray b = manager.randomUniform(-1f, 1f, new Shape(MATMUL_N, MATMUL_N));
            multiply(manager, a, b, 3);
            int repeats = 10;
            double best = 0;
            for (int round = 0; round < MATMUL_ROUNDS; round++) {
                long start = System.nanoTime();
                multiply(manager, a, b, repeats);
                double seconds = (System.nanoTime() - start) / 1e9;
                best = Math.max(best, repeats * 2.0 * MATMUL_N * MATMUL_N * MATMUL_N / seconds);
            }
            return best;
        }
    }

    /** Computes {@code a} x {@code b} {@code times} times, each product freed with its own sub-manager. */
    private static void multiply(NDManager manager, NDArray a, NDArray b, int times) {
        for (int i = 0; i < times; i++) {
            try (NDManager step = manager.newSubManager()) {
                NDArray product = a.matMul(b);
                product.attach(step);
                product.getFloat(0, 0); // forces the product to be computed before the clock stops
            }
        }
    }
}
