package dev.squeezepipe.trainer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.util.Pair;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SGD with momentum and weight decay, the very update of DJL's {@code Sgd} (the engine's fused sgd_update), whose
 * momentum buffers can be saved with a checkpoint and restored on resume. DJL's own keeps them private, so a
 * resumed run restarted its momentum from zero. Buffers are saved under the parameters' paths in the block
 * (parameter ids are random per model instance) in DJL's NDList encoding.
 */
public final class MomentumSgd extends Optimizer {

    private final ParameterTracker learningRate;
    private final float momentum;
    private final Map<String, Map<Device, NDArray>> buffers = new ConcurrentHashMap<>();
    private final Map<String, NDArray> restored = new ConcurrentHashMap<>();

    private MomentumSgd(Builder builder) {
        super(builder);
        this.learningRate = builder.learningRate;
        this.momentum = builder.momentum;
    }

    /** A builder; the learning-rate tracker is required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        float lr = learningRate.getNewValue(parameterId, updateCount(parameterId));
        NDList inputs = momentum == 0f ? new NDList(weight, grad)
                : new NDList(weight, grad, withDefaultState(buffers, parameterId, weight.getDevice(),
                        id -> initialBuffer(id, weight)));
        weight.getNDArrayInternal().sgdUpdate(inputs, new NDList(weight), lr, getWeightDecay(), rescaleGrad, clipGrad,
                momentum, true);
    }

    /**
     * The momentum buffers of {@code block}'s parameters (one device's copy; devices hold equal copies), encoded;
     * null when there are none yet or momentum is off.
     */
    public byte[] saveState(Block block) {
        NDList state = new NDList();
        for (Pair<String, Parameter> p : block.getParameters()) {
            Map<Device, NDArray> copies = buffers.get(p.getValue().getId());
            if (copies != null && !copies.isEmpty()) {
                NDArray buffer = copies.values().iterator().next();
                buffer.setName(p.getKey());
                state.add(buffer);
            }
        }
        return state.isEmpty() ? null : state.encode();
    }

    /**
     * Restores buffers saved by {@link #saveState} for {@code block}'s parameters, before the first update; a
     * buffer whose name or shape matches no parameter is an error naming it.
     */
    public void restoreState(Block block, byte[] encoded, NDManager manager, String source) {
        Map<String, Parameter> byPath = new HashMap<>();
        block.getParameters().forEach(p -> byPath.put(p.getKey(), p.getValue()));
        for (NDArray buffer : NDList.decode(manager, encoded)) {
            Parameter parameter = byPath.get(buffer.getName());
            if (parameter == null) {
                throw new IllegalStateException(source + ": momentum buffer '" + buffer.getName()
                        + "' matches no parameter of the network");
            }
            if (parameter.getShape() != null && !parameter.getShape().equals(buffer.getShape())) {
                throw new IllegalStateException(source + ": momentum buffer '" + buffer.getName() + "' has shape "
                        + buffer.getShape() + ", the parameter " + parameter.getShape());
            }
            restored.put(parameter.getId(), buffer);
        }
    }

    private NDArray initialBuffer(String parameterId, NDArray weight) {
        NDArray saved = restored.remove(parameterId);
        if (saved == null) {
            return weight.zerosLike();
        }
        // a copy that owns its memory: the decoded array lives in a Java buffer freed with it, and PyTorch's to()
        // returns the very same tensor for the same device even when DJL is asked for a copy (a use after free)
        NDArray buffer = saved.getDevice().equals(weight.getDevice()) ? saved.duplicate()
                : saved.toDevice(weight.getDevice(), true);
        buffer.attach(weight.getManager());
        saved.close();
        return buffer;
    }

    /** Builds a {@link MomentumSgd}. */
    public static final class Builder extends OptimizerBuilder<Builder> {

        private ParameterTracker learningRate;
        private float momentum;

        Builder() {}

        public Builder learningRate(ParameterTracker learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        public Builder momentum(float momentum) {
            this.momentum = momentum;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public MomentumSgd build() {
            if (learningRate == null) {
                throw new IllegalArgumentException("MomentumSgd needs a learning-rate tracker");
            }
            return new MomentumSgd(this);
        }
    }
}
