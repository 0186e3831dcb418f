package dev.squeezepipe.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.squeezepipe.spec.DesignSpace;
import dev.squeezepipe.spec.FireSpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqueezeNetTest {

    private static long parameters(String variant, int classes, int size, DesignSpace design) {
        SqueezeNetConfig config = new SqueezeNetConfig(ModelVariant.parse(variant), classes, size, design);
        NamedSequentialBlock net = SqueezeNet.build(config);
        try (NDManager manager = NDManager.newBaseManager()) {
            net.initialize(manager, DataType.FLOAT32, SqueezeNet.inputShape(config, 1));
            return ModelSummary.parameterCount(net);
        }
    }

    @ParameterizedTest(name = "{0} with {1} classes at {2}px has {3} parameters")
    @CsvSource({
        "recipe, 10, 224, 740554",
        "recipe, 1000, 224, 1248424",
        "simple-bypass, 10, 224, 740554",
        "complex-bypass, 10, 224, 1081802",
        "cifar, 10, 32, 729034",
        "cifar-complex-bypass, 10, 32, 1070282",
        "cifar-bn, 10, 32, 732010",
        "cifar-bn-linear-head, 10, 32, 732010",
        "cifar-bn-linear-head-no-dropout, 10, 32, 732010"
    })
    void hasExactParameterCount(String variant, int classes, int size, long expected) {
        assertEquals(expected, parameters(variant, classes, size, DesignSpace.DEFAULT));
    }

    @ParameterizedTest(name = "{0} at {1}px gives {2} logits per image and a {3}x{3} final map")
    @CsvSource({
        "recipe, 224, 10, 12",
        "simple-bypass, 224, 10, 12",
        "complex-bypass, 224, 10, 12",
        "cifar, 224, 10, 28",
        "cifar, 32, 10, 4",
        "cifar-simple-bypass, 32, 10, 4",
        "cifar-complex-bypass, 32, 10, 4",
        "cifar-bn-simple-bypass, 32, 10, 4",
        "cifar-bn-linear-head, 32, 10, 4",
        "cifar-bn-linear-head-no-dropout, 32, 10, 4"
    })
    void forwardsToClassLogits(String variant, int size, int classes, int finalMap) {
        SqueezeNetConfig config = new SqueezeNetConfig(ModelVariant.parse(variant), classes, size, DesignSpace.DEFAULT);
        NamedSequentialBlock net = SqueezeNet.build(config);
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape input = SqueezeNet.inputShape(config, 2);
            net.initialize(manager, DataType.FLOAT32, input);
            NDArray out = net.forward(new ParameterStore(manager, false),
                    new NDList(manager.randomUniform(0f, 1f, input)), false).singletonOrThrow();
            assertEquals(new Shape(2, classes), out.getShape());
            assertEquals(finalMap, config.variant().stem().finalMapSize(size));
        }
    }

    @Test
    void rejectsRecipeStemAt32PixelsNamingTheCifarStem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SqueezeNetConfig(ModelVariant.parse("recipe"), 10, 32, DesignSpace.DEFAULT));
        assertTrue(e.getMessage().contains("too small") && e.getMessage().contains("cifar"), e.getMessage());
    }

    @Test
    void rejectsUnknownVariantListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelVariant.parse("resnet"));
        assertTrue(e.getMessage().contains("cifar-bn-simple-bypass") && e.getMessage().contains("-complex-bypass"),
                e.getMessage());
    }

    @Test
    void defaultDesignSpaceGivesTheRecipesFireModules() {
        List<FireSpec> expected = List.of(new FireSpec(96, 16, 64, 64), new FireSpec(128, 16, 64, 64),
                new FireSpec(128, 32, 128, 128), new FireSpec(256, 32, 128, 128), new FireSpec(256, 48, 192, 192),
                new FireSpec(384, 48, 192, 192), new FireSpec(384, 64, 256, 256), new FireSpec(512, 64, 256, 256));
        assertEquals(expected, DesignSpace.DEFAULT.fires(96));
    }

    @Test
    void designSpaceKnobsReshapeTheFireModules() {
        List<FireSpec> fires = new DesignSpace(64, 64, 4, 0.25, 0.25).fires(96);
        assertEquals(new FireSpec(96, 16, 48, 16), fires.get(0));
        assertEquals(new FireSpec(64, 32, 96, 32), fires.get(4));
        long smaller = parameters("cifar", 10, 32, new DesignSpace(64, 64, 4, 0.25, 0.25));
        assertTrue(smaller < 729034, "narrower fires must have fewer parameters: " + smaller);
    }

    @Test
    void variantNamesRoundTrip() {
        for (String name : List.of("recipe", "cifar", "recipe-simple-bypass", "cifar-complex-bypass", "cifar-bn",
                "cifar-bn-simple-bypass", "cifar-bn-linear-head", "cifar-complex-bypass-linear-head",
                "cifar-no-dropout", "cifar-bn-linear-head-no-dropout", "recipe-simple-bypass-no-dropout")) {
            assertEquals(name, ModelVariant.parse(name).id());
        }
        assertEquals("recipe-complex-bypass", ModelVariant.parse("complex-bypass").id());
    }

    @Test
    void batchNormNetClassifiesAnImageTheSameAloneOrInABatch() {
        // the predictor micro-batches requests: in inference the norm must use its running statistics, not the batch's
        SqueezeNetConfig config = new SqueezeNetConfig(ModelVariant.parse("cifar-bn"), 10, 32, DesignSpace.DEFAULT);
        NamedSequentialBlock net = SqueezeNet.build(config);
        try (NDManager manager = NDManager.newBaseManager()) {
            net.initialize(manager, DataType.FLOAT32, SqueezeNet.inputShape(config, 1));
            ParameterStore store = new ParameterStore(manager, false);
            NDArray batch = manager.randomUniform(0f, 1f, SqueezeNet.inputShape(config, 4));
            float[] together = net.forward(store, new NDList(batch), false).singletonOrThrow().toFloatArray();
            float[] alone = net.forward(store, new NDList(batch.get("0:1")), false).singletonOrThrow().toFloatArray();
            for (int c = 0; c < 10; c++) {
                assertEquals(together[c], alone[c], 1e-4, "logit " + c);
            }
        }
    }

    @Test
    void linearHeadLetsLogitsGoNegativeWhereTheRecipesFinalReluClipsThem() {
        assertTrue(minLogit("cifar-bn") >= 0, "the recipe's final ReLU keeps every logit >= 0");
        assertTrue(minLogit("cifar-bn-linear-head") < 0, "without it, some of 20 logits are negative");
    }

    @Test
    void noDropoutVariantTrainsWithoutRandomMasksWhereTheRecipesDropoutDrawsNewOnes() {
        assertTrue(trainingForwardsDiffer("cifar-bn-linear-head"), "dropout 0.5 masks differently on every forward");
        assertFalse(trainingForwardsDiffer("cifar-bn-linear-head-no-dropout"),
                "no dropout: the same input, the same logits");
    }

    private static boolean trainingForwardsDiffer(String variant) {
        float[][] outputs = forwards(variant, 4, true, 2);
        return !Arrays.equals(outputs[0], outputs[1]);
    }

    private static float minLogit(String variant) {
        float min = Float.POSITIVE_INFINITY;
        for (float logit : forwards(variant, 2, false, 1)[0]) {
            min = Math.min(min, logit);
        }
        return min;
    }

    /** The logits of {@code times} forward passes of one random batch through a fresh 32x32 net of {@code variant}. */
    private static float[][] forwards(String variant, int images, boolean training, int times) {
        SqueezeNetConfig config = new SqueezeNetConfig(ModelVariant.parse(variant), 10, 32, DesignSpace.DEFAULT);
        NamedSequentialBlock net = SqueezeNet.build(config);
        try (NDManager manager = NDManager.newBaseManager()) {
            net.initialize(manager, DataType.FLOAT32, SqueezeNet.inputShape(config, images));
            ParameterStore store = new ParameterStore(manager, false);
            NDArray input = manager.randomUniform(0f, 1f, SqueezeNet.inputShape(config, images));
            float[][] outputs = new float[times][];
            for (int i = 0; i < times; i++) {
                outputs[i] = net.forward(store, new NDList(input), training).singletonOrThrow().toFloatArray();
            }
            return outputs;
        }
    }
}
