package dev.squeezepipe.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-layer output shapes, parameter counts and multiply-accumulates of a network, taken from a real
 * forward pass of one random image through each layer in turn.
 *
 * @param layers one row per top-level layer
 */
public record ModelSummary(List<LayerSummary> layers) {

    /** Initializes {@code net} for {@code config}'s input and runs one image through it layer by layer. */
    public static ModelSummary of(NamedSequentialBlock net, SqueezeNetConfig config) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape input = SqueezeNet.inputShape(config, 1);
            net.initialize(manager, DataType.FLOAT32, input);
            ParameterStore store = new ParameterStore(manager, false);
            NDList activations = new NDList(manager.randomUniform(0f, 1f, input));
            List<LayerSummary> rows = new ArrayList<>();
            for (Pair<String, Block> child : net.getChildren()) {
                Shape in = activations.singletonOrThrow().getShape();
                activations = child.getValue().forward(store, activations, false);
                rows.add(new LayerSummary(displayName(child.getKey()), activations.singletonOrThrow().getShape(),
                        parameterCount(child.getValue()), multiplyAccumulates(child.getValue(), in)));
            }
            return new ModelSummary(List.copyOf(rows));
        }
    }

    /** Trainable values in {@code block} and its children (the block must be initialized). */
    public static long parameterCount(Block block) {
        long total = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) { // a batch norm's running mean and variance are not trained
                total += p.getValue().getArray().getShape().size();
            }
        }
        return total;
    }

    /** Multiply-accumulates per image of {@code block} for an input of shape {@code input}. */
    static long multiplyAccumulates(Block block, Shape input) {
        if (block instanceof Conv2d) {
            Shape weight = block.getParameters().get("weight").getArray().getShape();
            Shape out = block.getOutputShapes(new Shape[] {input})[0];
            long perOutput = weight.get(1) * weight.get(2) * weight.get(3);
            return out.get(1) * out.get(2) * out.get(3) * perOutput;
        }
        long total = 0;
        if (block instanceof ParallelBlock) {
            for (Pair<String, Block> child : block.getChildren()) {
                total += multiplyAccumulates(child.getValue(), input);
            }
        } else if (block instanceof SequentialBlock) {
            Shape shape = input;
            for (Pair<String, Block> child : block.getChildren()) {
                total += multiplyAccumulates(child.getValue(), shape);
                shape = child.getValue().getOutputShapes(new Shape[] {shape})[0];
            }
        }
        return total;
    }

    /** Total trainable values. */
    public long totalParameters() {
        return layers.stream().mapToLong(LayerSummary::parameters).sum();
    }

    /** Total multiply-accumulates per image. */
    public long totalMultiplyAccumulates() {
        return layers.stream().mapToLong(LayerSummary::multiplyAccumulates).sum();
    }

    /** A fixed-width table with a totals line. */
    public String render() {
        StringBuilder out = new StringBuilder(String.format("%-12s %-22s %12s %16s%n", "layer", "output shape",
                "params", "MACs"));
        for (LayerSummary row : layers) {
            out.append(String.format("%-12s %-22s %,12d %,16d%n", row.name(), row.outputShape(), row.parameters(),
                    row.multiplyAccumulates()));
        }
        out.append(String.format("%-35s %,12d %,16d%n", "total", totalParameters(), totalMultiplyAccumulates()));
        return out.toString();
    }

    /** DJL prefixes child names with their position ("03fire2"); the summary shows the recipe name. */
    private static String displayName(String childName) {
        return childName.replaceFirst("^\\d+", "");
    }
}
