package dev.squeezepipe.model;

import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import java.util.List;

/**
 * Factories for SqueezeNet's Fire module: a 1x1 squeeze conv with ReLU, then 1x1 and 3x3 ('same') expand
 * convs, each with ReLU, concatenated along the channel axis.
 */
public final class FireBlock {

    private FireBlock() {}

    /** A Fire module with the given squeeze and expand filter counts. */
    public static Block fire(FireSpec spec) {
        Block expand = new ParallelBlock(
                FireBlock::concatChannels,
                List.of(convRelu(spec.expand1x1(), 1), convRelu(spec.expand3x3(), 3)));
        return new SequentialBlock().add(convRelu(spec.squeeze(), 1)).add(expand);
    }

    /** A convolution (with bias) of square kernel {@code kernel}, stride 1, 'same' padding, then ReLU. */
    static Block convRelu(int filters, int kernel) {
        return new SequentialBlock().add(conv(filters, kernel, 1, kernel / 2)).add(Activation.reluBlock());
    }

    /** A convolution with bias; {@code padding} applies to both spatial axes. */
    static Conv2d conv(int filters, int kernel, int stride, int padding) {
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding))
                .build();
    }

    private static NDList concatChannels(List<NDList> branches) {
        return new NDList(NDArrays.concat(
                new NDList(branches.get(0).singletonOrThrow(), branches.get(1).singletonOrThrow()), 1));
    }
}
