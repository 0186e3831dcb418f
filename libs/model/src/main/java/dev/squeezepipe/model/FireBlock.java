package dev.squeezepipe.model;

import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import dev.squeezepipe.spec.FireSpec;
import java.util.List;

/**
 * Factories for SqueezeNet's Fire module: a 1x1 squeeze conv with ReLU, then 1x1 and 3x3 ('same') expand
 * convs, each with ReLU, concatenated along the channel axis. With batch norm, each conv (then without bias) is
 * followed by a batch norm before its ReLU.
 */
public final class FireBlock {

    private FireBlock() {}

    /** A Fire module with the given squeeze and expand filter counts, as in the recipe (no batch norm). */
    public static Block fire(FireSpec spec) {
        return fire(spec, false);
    }

    /** A Fire module with the given squeeze and expand filter counts, with or without batch norm. */
    public static Block fire(FireSpec spec, boolean batchNorm) {
        Block expand = new ParallelBlock(
                FireBlock::concatChannels,
                List.of(convRelu(spec.expand1x1(), 1, batchNorm), convRelu(spec.expand3x3(), 3, batchNorm)));
        return new SequentialBlock().add(convRelu(spec.squeeze(), 1, batchNorm)).add(expand);
    }

    /** A convolution of square kernel {@code kernel}, stride 1, 'same' padding, [batch norm,] then ReLU. */
    static Block convRelu(int filters, int kernel, boolean batchNorm) {
        return new SequentialBlock().add(conv(filters, kernel, 1, kernel / 2, batchNorm)).add(Activation.reluBlock());
    }

    /** A convolution with bias; {@code padding} applies to both spatial axes. */
    static Conv2d conv(int filters, int kernel, int stride, int padding) {
        return convBuilder(filters, kernel, stride, padding).build();
    }

    /**
     * The convolution of {@link #conv}, or with {@code batchNorm} the same convolution without bias (the norm's
     * shift replaces it) followed by a batch norm over the channels.
     */
    static Block conv(int filters, int kernel, int stride, int padding, boolean batchNorm) {
        if (!batchNorm) {
            return conv(filters, kernel, stride, padding);
        }
        return new SequentialBlock()
                .add(convBuilder(filters, kernel, stride, padding).optBias(false).build())
                .add(BatchNorm.builder().build());
    }

    private static Conv2d.Builder convBuilder(int filters, int kernel, int stride, int padding) {
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding));
    }

    private static NDList concatChannels(List<NDList> branches) {
        return new NDList(NDArrays.concat(
                new NDList(branches.get(0).singletonOrThrow(), branches.get(1).singletonOrThrow()), 1));
    }
}
