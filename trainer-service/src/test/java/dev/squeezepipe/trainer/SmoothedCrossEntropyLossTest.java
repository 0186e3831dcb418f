package dev.squeezepipe.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import dev.squeezepipe.spec.DecayMode;
import dev.squeezepipe.spec.TrainingJobSpec.Augmentation;
import dev.squeezepipe.spec.TrainingJobSpec.Budget;
import dev.squeezepipe.spec.TrainingJobSpec.Checkpoints;
import dev.squeezepipe.spec.TrainingJobSpec.Data;
import dev.squeezepipe.spec.TrainingJobSpec.Network;
import dev.squeezepipe.spec.TrainingJobSpec.Optimisation;
import dev.squeezepipe.spec.TrainingJobSpec.Schedule;
import dev.squeezepipe.spec.TrainingJobSpec;
import org.junit.jupiter.api.Test;

/** The trainer's loss with label smoothing, against DJL's softmax cross-entropy and hand-computed values. */
class SmoothedCrossEntropyLossTest {

    private static final float[] LOGITS = {2.0f, -1.0f, 0.5f, 0.0f, 1.5f, 3.0f, -0.5f, 0.25f};
    private static final float[] LABELS = {0, 1};

    private static float loss(Loss loss) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.create(LOGITS, new Shape(2, 4));
            NDArray labels = manager.create(LABELS);
            return loss.evaluate(new NDList(labels), new NDList(logits)).getFloat();
        }
    }

    /** -log softmax(row)[label] and the mean of -log softmax(row) over the classes, for one row of 4 logits. */
    private static double[] nllAndUniform(int row, int label) {
        double sum = 0;
        for (int c = 0; c < 4; c++) {
            sum += Math.exp(LOGITS[row * 4 + c]);
        }
        double logSum = Math.log(sum);
        double uniform = 0;
        for (int c = 0; c < 4; c++) {
            uniform += (logSum - LOGITS[row * 4 + c]) / 4;
        }
        return new double[] {logSum - LOGITS[row * 4 + label], uniform};
    }

    @Test
    void withoutSmoothingEqualsDjlSoftmaxCrossEntropy() {
        assertEquals(loss(Loss.softmaxCrossEntropyLoss()), loss(new SmoothedCrossEntropyLoss(0f)), 1e-6);
    }

    @Test
    void smoothingMixesTheLabelsLossWithTheMeanOverClasses() {
        double expected = 0;
        for (int row = 0; row < 2; row++) {
            double[] parts = nllAndUniform(row, (int) LABELS[row]);
            expected += (0.9 * parts[0] + 0.1 * parts[1]) / 2;
        }
        assertEquals(expected, loss(new SmoothedCrossEntropyLoss(0.1f)), 1e-5);
    }

    @Test
    void aJobWithoutSmoothingTrainsOnPlainSoftmaxCrossEntropy() {
        assertInstanceOf(SoftmaxCrossEntropyLoss.class, SmoothedCrossEntropyLoss.of(spec(0.0)));
        assertInstanceOf(SmoothedCrossEntropyLoss.class, SmoothedCrossEntropyLoss.of(spec(0.1)));
    }

    @Test
    void rejectsSmoothingOutsideZeroToOne() {
        for (double smoothing : new double[] {-0.1, 1.0}) {
            InvalidJobException e =
                    assertThrows(InvalidJobException.class, () -> JobValidator.validate(spec(smoothing)));
            assertTrue(e.getMessage().contains("optimisation.labelSmoothing must be in [0,1)"), e.getMessage());
        }
    }

    private static TrainingJobSpec spec(double smoothing) {
        return new TrainingJobSpec(new Data("ds", null, null), Network.cifar10("cifar-bn", 32),
                Optimisation.sgd(64, 5e-4).withLabelSmoothing(smoothing), new Schedule(DecayMode.LINEAR, 0, 0.05, 0, 1, 0),
                Augmentation.cropFlipAndCutout(0), new Budget(3, null), Checkpoints.EVERY_EPOCH_KEEP_10, 1);
    }
}
