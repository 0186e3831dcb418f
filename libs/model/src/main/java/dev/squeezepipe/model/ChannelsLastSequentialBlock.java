package dev.squeezepipe.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A {@link NamedSequentialBlock} that hands its layers, on a CPU, a channels-last copy of its NCHW input: the same
 * shape and values, stored pixel by pixel with the channels innermost. PyTorch's convolutions, batch norms, pools and
 * ReLUs keep that layout from layer to layer, so oneDNN no longer reorders every activation to its own layout and
 * back around each convolution, and a step takes markedly less time. DJL has no memory-format call, so the copy
 * is made with views and one reshape. The saved parameters are those of the plain block. A GPU input is passed as
 * it is (not measured here).
 */
public class ChannelsLastSequentialBlock extends NamedSequentialBlock {

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return super.forwardInternal(parameterStore, channelsLast(inputs), training, params);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList data, NDList labels,
            PairList<String, Object> params) {
        return super.forwardInternal(parameterStore, channelsLast(data), labels, params);
    }

    /** {@code inputs} with a 4-D CPU image batch first replaced by its channels-last copy. */
    static NDList channelsLast(NDList inputs) {
        NDArray images = inputs.head();
        if (images.getShape().dimension() != 4 || images.getDevice().isGpu()) {
            return inputs;
        }
        NDList converted = new NDList(inputs);
        converted.set(0, channelsLast(images));
        return converted;
    }

    /**
     * An NCHW array with the same values, stored NHWC: the NHWC view flattened (which copies, as no flat view of it
     * exists), viewed back as NHWC and then as NCHW, which PyTorch recognises as channels-last strides.
     */
    static NDArray channelsLast(NDArray nchw) {
        Shape shape = nchw.getShape();
        return nchw.transpose(0, 2, 3, 1).flatten()
                .reshape(shape.get(0), shape.get(2), shape.get(3), shape.get(1))
                .transpose(0, 3, 1, 2);
    }
}
