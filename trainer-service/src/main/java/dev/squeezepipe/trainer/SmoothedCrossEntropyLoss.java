package dev.squeezepipe.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.loss.Loss;
import dev.squeezepipe.spec.TrainingJobSpec;

/**
 * Softmax cross-entropy against smoothed targets: {@code (1 - e)} on the label and {@code e / classes} on every
 * class, i.e. {@code (1 - e) * nll(label) + e * mean over classes of -log p}. With {@code e = 0} it is DJL's
 * softmax cross-entropy; the network's logits are expected on axis 1 and the labels as class indices.
 */
public final class SmoothedCrossEntropyLoss extends Loss {

    private final float epsilon;

    SmoothedCrossEntropyLoss(float epsilon) {
        super("SoftmaxCrossEntropyLoss");
        this.epsilon = epsilon;
    }

    /** The training loss {@code spec} asks for: plain softmax cross-entropy unless it sets label smoothing. */
    public static Loss of(TrainingJobSpec spec) {
        return smooths(spec) ? new SmoothedCrossEntropyLoss((float) spec.optimisation().labelSmoothing())
                : Loss.softmaxCrossEntropyLoss();
    }

    /** Whether {@code spec} sets a label smoothing other than 0. */
    public static boolean smooths(TrainingJobSpec spec) {
        return spec.optimisation().labelSmoothing() != 0;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logProbabilities = predictions.singletonOrThrow().logSoftmax(1);
        NDArray label = labels.singletonOrThrow();
        NDArray nll = logProbabilities.get(new NDIndex().addAllDim().addPickDim(label)).neg();
        NDArray uniform = logProbabilities.mean(new int[] {1}).neg();
        return nll.reshape(-1).mul(1 - epsilon).add(uniform.mul(epsilon)).mean();
    }
}
