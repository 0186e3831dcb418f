package dev.squeezepipe.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/** The forward pass that scoring and serving share, with optional test-time flips. */
public final class Inference {

    private Inference() {}

    /**
     * The logits of {@code block} (initialized, in inference mode) for {@code images} (N,3,S,S). With
     * {@code flips}, each image is also run mirrored left to right and the result is the log of the two softmaxes'
     * mean, at two forward passes per image: its softmax is the averaged probabilities, its cross-entropy theirs.
     */
    public static NDArray logits(Block block, ParameterStore store, NDArray images, boolean flips) {
        NDArray plain = forward(block, store, images);
        if (!flips) {
            return plain;
        }
        return plain.softmax(1).add(forward(block, store, images.flip(3)).softmax(1)).div(2).log();
    }

    private static NDArray forward(Block block, ParameterStore store, NDArray images) {
        return block.forward(store, new NDList(images), false).singletonOrThrow();
    }
}
