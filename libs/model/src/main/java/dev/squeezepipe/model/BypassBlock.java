package dev.squeezepipe.model;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import java.util.List;

/**
 * Factories for the SqueezeNet paper's residual bypasses: the module's output plus its input, either as is
 * (simple bypass, where channel counts agree) or through a 1x1 convolution (complex bypass).
 */
public final class BypassBlock {

    private BypassBlock() {}

    /** {@code body(x) + x}. */
    public static Block identity(Block body) {
        return new ParallelBlock(BypassBlock::sum, List.of(body, Blocks.identityBlock()));
    }

    /** {@code body(x) + conv1x1(x)}, where the 1x1 conv maps the input to {@code outputChannels}. */
    public static Block projection(Block body, int outputChannels) {
        return new ParallelBlock(BypassBlock::sum, List.of(body, FireBlock.conv(outputChannels, 1, 1, 0)));
    }

    private static NDList sum(List<NDList> branches) {
        return new NDList(branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow()));
    }
}
