package dev.squeezepipe.trainer;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import dev.squeezepipe.service.ObjectStore;
import dev.squeezepipe.modelstore.CheckpointParams;
import dev.squeezepipe.storage.CheckpointSidecar;
import dev.squeezepipe.storage.Files2;
import dev.squeezepipe.storage.Hashing;
import dev.squeezepipe.storage.ObjectLayout;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checkpoints of a run in S3: DJL .params (with the training results as model properties), the optimizer's
 * momentum buffers, and a JSON sidecar each. Only the newest {@code keep} per run are kept.
 */
@Singleton
@Requires(env = "trainer")
public class CheckpointStore {

    private final ObjectStore store;
    private final JsonMapper json;
    private final String bucket;

    public CheckpointStore(ObjectStore store, JsonMapper json, TrainerSettings settings) {
        this.store = store;
        this.json = json;
        this.bucket = settings.getCheckpointsBucket();
    }

    public String bucket() {
        return bucket;
    }

    /**
     * Stores the model's parameters, the optimizer state ({@code optimizerState}, null for none) and the sidecar;
     * returns the sidecar as stored.
     */
    public CheckpointSidecar save(Model model, byte[] optimizerState, CheckpointSidecar draft) throws IOException {
        store.ensureBucket(bucket);
        Path dir = Files.createTempDirectory("checkpoint-");
        try {
            model.setProperty("Epoch", String.valueOf(draft.epoch()));
            model.setProperty("Step", String.valueOf(draft.step()));
            model.setProperty("Loss", String.valueOf(draft.trainLoss()));
            model.setProperty("Accuracy", String.valueOf(draft.trainAccuracy()));
            model.setProperty("Variant", draft.spec().network().variant());
            model.save(dir, CheckpointParams.MODEL_NAME);
            byte[] params = Files.readAllBytes(onlyParams(dir));
            String paramsKey = ObjectLayout.checkpointParamsKey(draft.runId(), draft.epoch(), draft.step());
            String optimizerKey = optimizerState == null ? null
                    : ObjectLayout.checkpointOptimizerKey(draft.runId(), draft.epoch(), draft.step());
            CheckpointSidecar sidecar = new CheckpointSidecar(draft.checkpointId(), draft.runId(), draft.jobId(),
                    draft.epoch(), draft.step(), paramsKey, Hashing.sha256Hex(params), params.length, draft.spec(),
                    draft.trainLoss(), draft.trainAccuracy(), draft.seconds(), draft.createdAt(), optimizerKey,
                    optimizerState == null ? null : Hashing.sha256Hex(optimizerState), draft.refits());
            store.put(bucket, paramsKey, params, "application/octet-stream");
            if (optimizerState != null) {
                store.put(bucket, optimizerKey, optimizerState, "application/octet-stream");
            }
            // the sidecar goes last: a checkpoint counts once its sidecar exists
            store.put(bucket, ObjectLayout.checkpointSidecarKey(draft.runId(), draft.epoch(), draft.step()),
                    json.writeValueAsBytes(sidecar), "application/json");
            return sidecar;
        } finally {
            Files2.deleteTree(dir);
        }
    }

    /** The run's checkpoints (sidecars), oldest first. */
    public List<CheckpointSidecar> list(String runId) throws IOException {
        store.ensureBucket(bucket);
        List<CheckpointSidecar> sidecars = new ArrayList<>();
        for (String key : store.list(bucket, runId + "/")) {
            if (key.endsWith(".json")) {
                sidecars.add(json.readValue(store.get(bucket, key), CheckpointSidecar.class));
            }
        }
        sidecars.sort(Comparator.comparingInt(CheckpointSidecar::epoch));
        return sidecars;
    }

    /** Deletes all but the newest {@code keep} checkpoints of the run. */
    public void prune(String runId, int keep) throws IOException {
        List<CheckpointSidecar> all = list(runId);
        for (CheckpointSidecar old : all.subList(0, Math.max(0, all.size() - keep))) {
            store.delete(bucket, ObjectLayout.checkpointSidecarKey(old.runId(), old.epoch(), old.step()));
            store.delete(bucket, old.paramsKey());
            if (old.optimizerKey() != null) {
                store.delete(bucket, old.optimizerKey());
            }
        }
    }

    /** Loads a checkpoint's parameters into {@code model} (whose block is set), verifying its sha256 first. */
    public void loadInto(Model model, CheckpointSidecar sidecar) throws IOException, MalformedModelException {
        CheckpointParams.load(model, store.get(bucket, sidecar.paramsKey()), sidecar.sha256(),
                "checkpoint " + sidecar.checkpointId());
    }

    /**
     * A checkpoint's optimizer state, verified against its sha256; null when the checkpoint has none (saved
     * without momentum, or by an older trainer).
     */
    public byte[] optimizerState(CheckpointSidecar sidecar) throws IOException {
        if (sidecar.optimizerKey() == null) {
            return null;
        }
        byte[] state = store.get(bucket, sidecar.optimizerKey());
        Hashing.requireSha256(state, sidecar.optimizerSha256(),
                "checkpoint " + sidecar.checkpointId() + "'s optimizer state " + sidecar.optimizerKey());
        return state;
    }

    private static Path onlyParams(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".params")).findFirst()
                    .orElseThrow(() -> new IOException("DJL wrote no .params file in " + dir));
        }
    }
}
