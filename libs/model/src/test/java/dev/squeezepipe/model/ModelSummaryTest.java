package dev.squeezepipe.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import dev.squeezepipe.spec.DesignSpace;
import org.junit.jupiter.api.Test;

class ModelSummaryTest {

    @Test
    void cifarStemSummaryCountsParametersAndMultiplyAccumulates() {
        SqueezeNetConfig config = new SqueezeNetConfig(ModelVariant.parse("cifar"), 10, 32, DesignSpace.DEFAULT);
        ModelSummary summary = ModelSummary.of(SqueezeNet.build(config), config);
        assertEquals(729034, summary.totalParameters());
        assertEquals(52_543_488L, summary.totalMultiplyAccumulates());
        LayerSummary conv1 = summary.layers().get(0);
        assertEquals("conv1", conv1.name());
        assertEquals(new Shape(1, 96, 32, 32), conv1.outputShape());
        assertEquals(32L * 32 * 96 * 27, conv1.multiplyAccumulates());
        assertEquals(new Shape(1, 10), summary.layers().get(summary.layers().size() - 1).outputShape());
        assertTrue(summary.render().contains("fire9"), summary.render());
    }

    @Test
    void recipeSummaryShowsTheTutorialsFeatureMaps() {
        SqueezeNetConfig config = SqueezeNetConfig.recipe(10);
        ModelSummary summary = ModelSummary.of(SqueezeNet.build(config), config);
        assertEquals(740554, summary.totalParameters());
        assertEquals(new Shape(1, 96, 109, 109), summary.layers().get(0).outputShape());
        assertEquals(new Shape(1, 96, 54, 54), summary.layers().get(2).outputShape());
        assertEquals(new Shape(1, 512, 12, 12), summary.layers().stream()
                .filter(l -> l.name().equals("fire9")).findFirst().orElseThrow().outputShape());
    }
}
