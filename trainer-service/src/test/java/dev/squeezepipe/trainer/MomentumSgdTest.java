package dev.squeezepipe.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.Batchifier;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The trainer's optimizer: DJL's SGD update, with momentum that survives a resume. */
class MomentumSgdTest {

    private static final Shape INPUT = new Shape(16, 8);
    private static final int STEPS = 6;

    @Test
    void updatesExactlyLikeDjlSgd() throws Exception {
        byte[] initial = initialParameters();
        float[] djl = train(initial, () -> Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.05f))
                .optMomentum(0.9f).optWeightDecays(1e-4f).build(), 0, STEPS, null).weights();
        float[] ours = train(initial, MomentumSgdTest::optimizer, 0, STEPS, null).weights();
        float[] untrained = train(initial, MomentumSgdTest::optimizer, 0, 0, null).weights();
        assertTrue(maxDifference(untrained, ours) > 1e-2, "the steps must move the weights");
        assertArrayEquals(djl, ours, 0f);
    }

    @Test
    void resumedRunContinuesAsIfUninterrupted() throws Exception {
        byte[] initial = initialParameters();
        float[] straight = train(initial, MomentumSgdTest::optimizer, 0, STEPS, null).weights();
        Run firstHalf = train(initial, MomentumSgdTest::optimizer, 0, STEPS / 2, null);
        float[] resumed = train(firstHalf.parameters(), MomentumSgdTest::optimizer, STEPS / 2, STEPS,
                firstHalf.optimizerState()).weights();
        float[] momentumLost = train(firstHalf.parameters(), MomentumSgdTest::optimizer, STEPS / 2, STEPS, null)
                .weights();
        assertArrayEquals(straight, resumed, 1e-6f);
        assertTrue(maxDifference(straight, momentumLost) > 1e-3, "restarting momentum from zero must show");
    }

    private static MomentumSgd optimizer() {
        return MomentumSgd.builder().learningRate(Tracker.fixed(0.05f)).momentum(0.9f).optWeightDecays(1e-4f).build();
    }

    private record Run(float[] weights, byte[] parameters, byte[] optimizerState) {}

    /** Trains steps [from, to) of a fixed data stream from {@code parameters}, restoring {@code state} if given. */
    private static Run train(byte[] parameters, Supplier<Optimizer> optimizers, int from, int to, byte[] state)
            throws Exception {
        try (Model model = Model.newInstance("momentum")) {
            model.setBlock(block());
            load(model.getBlock(), parameters, model.getNDManager()); // before the trainer, as the trainer service does
            Optimizer optimizer = optimizers.get();
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(optimizer))) {
                trainer.initialize(INPUT);
                if (state != null) {
                    ((MomentumSgd) optimizer).restoreState(model.getBlock(), state, model.getNDManager(), "test");
                }
                for (int step = from; step < to; step++) {
                    try (NDManager stepManager = trainer.getManager().newSubManager()) {
                        stepManager.getEngine().setRandomSeed(step); // the same batch for a step in every run
                        NDArray x = stepManager.randomNormal(INPUT);
                        NDArray y = stepManager.randomInteger(0, 3, new Shape(16), DataType.INT64);
                        EasyTrain.trainBatch(trainer, new Batch(stepManager, new NDList(x), new NDList(y), 16,
                                Batchifier.STACK, Batchifier.STACK, step, to));
                        trainer.step();
                    }
                }
                byte[] optimizerState = optimizer instanceof MomentumSgd sgd ? sgd.saveState(model.getBlock()) : null;
                return new Run(weights(model.getBlock()), save(model.getBlock()), optimizerState);
            }
        }
    }

    private static Block block() {
        return new SequentialBlock().add(Linear.builder().setUnits(12).build()).add(Activation::relu)
                .add(Linear.builder().setUnits(3).build());
    }

    private static byte[] initialParameters() throws Exception {
        try (Model model = Model.newInstance("initial")) {
            model.setBlock(block());
            model.getNDManager().getEngine().setRandomSeed(42);
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, INPUT);
            return save(model.getBlock());
        }
    }

    private static byte[] save(Block block) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        }
        return bytes.toByteArray();
    }

    private static void load(Block block, byte[] parameters, NDManager manager) throws Exception {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            block.loadParameters(manager, in);
        }
    }

    private static float[] weights(Block block) {
        List<Float> all = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            for (float v : p.getValue().getArray().toFloatArray()) {
                all.add(v);
            }
        }
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i);
        }
        return out;
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
