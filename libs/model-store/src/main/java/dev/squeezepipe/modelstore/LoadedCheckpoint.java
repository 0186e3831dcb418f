package dev.squeezepipe.modelstore;

import ai.djl.Model;
import dev.squeezepipe.model.SqueezeNetConfig;
import dev.squeezepipe.storage.CheckpointSidecar;

/**
 * A checkpoint's network, rebuilt from its sidecar and holding its verified parameters; closing it frees the model.
 *
 * @param model the model, its block set and loaded
 * @param sidecar what the checkpoint is and how it was trained
 * @param config the network the sidecar describes
 */
public record LoadedCheckpoint(Model model, CheckpointSidecar sidecar, SqueezeNetConfig config)
        implements AutoCloseable {

    /** The checkpoint's id, {@code runId/epoch}. */
    public String id() {
        return sidecar.checkpoint().id();
    }

    @Override
    public void close() {
        model.close();
    }
}
