package dev.squeezepipe.modelstore;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import dev.squeezepipe.errors.CorruptDataException;
import dev.squeezepipe.events.CheckpointPublished;
import dev.squeezepipe.model.SqueezeNet;
import dev.squeezepipe.model.SqueezeNetConfig;
import dev.squeezepipe.schema.UnreadableRecordException;
import dev.squeezepipe.schema.VersionedJson;
import dev.squeezepipe.service.ObjectStore;
import dev.squeezepipe.storage.CheckpointSidecar;
import dev.squeezepipe.storage.Hashing;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * The one way to read a checkpoint back: its sidecar read and version-checked, the event's hash checked against it,
 * the network rebuilt from the sidecar's spec, and the parameters verified against their sha256 and loaded. The
 * trainer (resume), the evaluator, the predictor and the benches all load through it.
 */
@Singleton
public class CheckpointLoader {

    private final ObjectStore store;
    private final JsonMapper json;

    public CheckpointLoader(ObjectStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /** The sidecar stored at {@code bucket/key}. */
    public CheckpointSidecar sidecar(String bucket, String key) throws IOException, InvalidCheckpointException {
        try {
            return VersionedJson.read(json, store.get(bucket, key), CheckpointSidecar.class);
        } catch (UnreadableRecordException e) {
            throw new InvalidCheckpointException("sidecar " + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * The checkpoint {@code event} announces, if it lies in {@code bucket} at the keys the layout gives it and its
     * sidecar describes the same parameters and checkpoint; else a {@link ForeignCheckpointException}.
     */
    public LoadedCheckpoint load(CheckpointPublished event, String bucket)
            throws IOException, InvalidCheckpointException {
        ForeignCheckpointException.check(event, bucket);
        CheckpointSidecar sidecar = sidecar(bucket, event.sidecarKey());
        if (!sidecar.params().sha256().equals(event.sha256())) {
            throw new ForeignCheckpointException("checkpoint " + event.checkpointId() + ": the event's sha256 "
                    + event.sha256() + " does not match its sidecar's " + sidecar.params().sha256());
        }
        if (!sidecar.checkpoint().id().equals(event.checkpointId())
                || !sidecar.params().key().equals(event.paramsKey())) {
            throw new ForeignCheckpointException("checkpoint " + event.checkpointId() + ": its sidecar describes "
                    + sidecar.checkpoint().id() + " with parameters at " + sidecar.params().key());
        }
        return load(bucket, sidecar);
    }

    /** The checkpoint {@code sidecar} describes, rebuilt from it alone. */
    public LoadedCheckpoint load(String bucket, CheckpointSidecar sidecar)
            throws IOException, InvalidCheckpointException {
        SqueezeNetConfig config;
        try {
            config = SqueezeNetConfig.of(sidecar.spec().network());
        } catch (IllegalArgumentException e) {
            throw new InvalidCheckpointException(what(sidecar) + ": its network cannot be built: " + e.getMessage(), e);
        }
        Model model = Model.newInstance(CheckpointParams.MODEL_NAME);
        try {
            model.setBlock(SqueezeNet.build(config));
            loadParameters(model, bucket, sidecar);
            return new LoadedCheckpoint(model, sidecar, config);
        } catch (IOException | InvalidCheckpointException | RuntimeException | LinkageError e) {
            model.close();
            throw e;
        }
    }

    /** Loads the checkpoint's parameters into {@code model}, whose block is already set (a run resuming). */
    public void loadParameters(Model model, String bucket, CheckpointSidecar sidecar)
            throws IOException, InvalidCheckpointException {
        byte[] params = store.get(bucket, sidecar.params().key());
        try {
            Hashing.requireSha256(params, sidecar.params().sha256(), what(sidecar) + " (its parameters)");
        } catch (CorruptDataException e) {
            throw new InvalidCheckpointException(e.getMessage(), e);
        }
        try {
            CheckpointParams.load(model, params);
        } catch (MalformedModelException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidCheckpointException(what(sidecar) + " does not fit a "
                    + sidecar.spec().network().variant() + " network: " + e.getMessage(), e);
        }
    }

    private static String what(CheckpointSidecar sidecar) {
        return "checkpoint " + sidecar.checkpoint().id();
    }
}
