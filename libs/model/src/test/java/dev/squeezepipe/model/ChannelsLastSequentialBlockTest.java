package dev.squeezepipe.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.squeezepipe.spec.DesignSpace;
import org.junit.jupiter.api.Test;

class ChannelsLastSequentialBlockTest {

    @Test
    void channelsLastCopyHasTheShapeAndValuesOfItsInput() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray nchw = manager.arange(2 * 3 * 4 * 5).toType(DataType.FLOAT32, false).reshape(2, 3, 4, 5);
            NDArray copy = ChannelsLastSequentialBlock.channelsLast(nchw);
            assertEquals(nchw.getShape(), copy.getShape());
            assertTrue(copy.contentEquals(nchw));
        }
    }

    @Test
    void networkAnswersAsItsLayersDoOnThePlainInput() {
        SqueezeNetConfig config = new SqueezeNetConfig(ModelVariant.parse("cifar-bn-linear-head-no-dropout"), 10, 32,
                DesignSpace.DEFAULT);
        NamedSequentialBlock net = SqueezeNet.build(config);
        try (NDManager manager = NDManager.newBaseManager()) {
            net.initialize(manager, DataType.FLOAT32, SqueezeNet.inputShape(config, 4));
            NDArray images = manager.randomNormal(new Shape(4, 3, 32, 32));
            ParameterStore store = new ParameterStore(manager, false);
            NDArray logits = net.forward(store, new NDList(images), false).head();
            NDList plain = new NDList(images);
            for (Block layer : net.getChildren().values()) {
                plain = layer.forward(store, plain, false);
            }
            NDArray expected = plain.head();
            assertEquals(new Shape(4, 10), logits.getShape());
            assertTrue(logits.allClose(expected, 1e-4, 1e-4, false),
                    () -> "channels-last " + logits + " against plain " + expected);
        }
    }
}
