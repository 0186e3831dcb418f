package dev.squeezepipe.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import dev.squeezepipe.spec.FireSpec;
import java.util.List;

/**
 * Builds SqueezeNet as DJL blocks, following the MindSpore tutorial: conv1, ReLU, max pools after conv1,
 * fire4 and fire8, dropout 0.5 (not in {@code -no-dropout} variants), a final 1x1 conv to the classes, ReLU (not in
 * {@code -linear-head} variants), global average pool, flatten.
 * Convolutions start He-uniform, the final conv normal(0.01), biases zero. On a CPU the layers run on a
 * channels-last copy of the input (see {@link ChannelsLastSequentialBlock}).
 */
public final class SqueezeNet {

    /** Name of the final classifier conv among the network's layers. */
    public static final String FINAL_CONV = "final_conv";

    private static final float DROPOUT = 0.5f;
    private static final float FINAL_CONV_SIGMA = 0.01f;
    /** fire2..fire9 are indices 0..7; a max pool follows fire4 and fire8. */
    private static final List<Integer> POOL_AFTER = List.of(2, 6);

    private SqueezeNet() {}

    /** The network described by {@code config}, with initializers set (parameters are created on first use). */
    public static NamedSequentialBlock build(SqueezeNetConfig config) {
        Stem stem = config.variant().stem();
        NamedSequentialBlock net = new ChannelsLastSequentialBlock();
        boolean batchNorm = config.variant().batchNorm();
        net.add("conv1", FireBlock.conv(SqueezeNetConfig.STEM_CHANNELS, stem.convKernel(), stem.convStride(),
                stem.convPadding(), batchNorm));
        net.add("relu1", Activation.reluBlock());
        net.add("pool1", maxPool(stem));
        List<FireSpec> fires = config.designSpace().fires(SqueezeNetConfig.STEM_CHANNELS);
        for (int i = 0; i < fires.size(); i++) {
            FireSpec spec = fires.get(i);
            net.add("fire" + (i + 2), withBypass(config.variant(), i, spec));
            if (POOL_AFTER.contains(i)) {
                net.add("pool" + (i + 2), maxPool(stem));
            }
        }
        if (config.variant().dropout()) {
            net.add("dropout", Dropout.builder().optRate(DROPOUT).build());
        }
        Block finalConv = FireBlock.conv(config.classes(), 1, 1, 0);
        net.add(FINAL_CONV, finalConv);
        if (config.variant().finalRelu()) {
            net.add("relu_final", Activation.reluBlock());
        }
        net.add("avgpool", Pool.globalAvgPool2dBlock());
        net.add("flatten", Blocks.batchFlattenBlock());
        net.setInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
                XavierInitializer.FactorType.IN, 6f), Parameter.Type.WEIGHT);
        finalConv.setInitializer(new NormalInitializer(FINAL_CONV_SIGMA), Parameter.Type.WEIGHT);
        return net;
    }

    /** The input shape the network expects for a batch of {@code batch} images. */
    public static Shape inputShape(SqueezeNetConfig config, int batch) {
        return new Shape(batch, 3, config.inputSize(), config.inputSize());
    }

    private static Block withBypass(ModelVariant variant, int index, FireSpec spec) {
        Bypass bypass = variant.bypass();
        Block fire = FireBlock.fire(spec, variant.batchNorm());
        boolean sameChannels = spec.inputChannels() == spec.outputChannels();
        boolean odd = index % 2 == 1; // fire3, fire5, fire7, fire9
        if (bypass == Bypass.NONE) {
            return fire;
        }
        if (odd && sameChannels) {
            return BypassBlock.identity(fire);
        }
        if (bypass == Bypass.COMPLEX) {
            return sameChannels ? BypassBlock.identity(fire) : BypassBlock.projection(fire, spec.outputChannels());
        }
        return fire;
    }

    private static Block maxPool(Stem stem) {
        Shape kernel = new Shape(stem.poolKernel(), stem.poolKernel());
        return Pool.maxPool2dBlock(kernel, new Shape(2, 2));
    }
}
