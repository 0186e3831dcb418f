package dev.squeezepipe.trainer;

import ai.djl.Model;
import ai.djl.engine.Engine;
import dev.squeezepipe.events.CheckpointEvaluated;
import dev.squeezepipe.modelstore.CheckpointLoader;
import dev.squeezepipe.modelstore.CheckpointParams;
import dev.squeezepipe.modelstore.InvalidCheckpointException;
import dev.squeezepipe.schema.BuildInfo;
import dev.squeezepipe.schema.SchemaVersion;
import dev.squeezepipe.schema.UnreadableRecordException;
import dev.squeezepipe.schema.VersionedJson;
import dev.squeezepipe.service.ObjectStore;
import dev.squeezepipe.spec.ScheduleRefit;
import dev.squeezepipe.spec.TrainingJobSpec;
import dev.squeezepipe.storage.CheckpointSidecar.Checkpoint;
import dev.squeezepipe.storage.CheckpointSidecar.Provenance;
import dev.squeezepipe.storage.CheckpointSidecar.StoredObject;
import dev.squeezepipe.storage.CheckpointSidecar.TrainResult;
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
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints of a run in S3: DJL .params (with the training results as model properties), the optimizer's
 * momentum buffers, and a JSON sidecar each. Only the newest {@code keep} per run are kept.
 */
@Singleton
@Requires(env = "trainer")
public class CheckpointStore {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);

    private final ObjectStore store;
    private final CheckpointLoader loader;
    private final JsonMapper json;
    private final String bucket;
    private final String evaluationsBucket;
    private final String trainer;

    public CheckpointStore(ObjectStore store, CheckpointLoader loader, JsonMapper json, TrainerSettings settings) {
        this.store = store;
        this.loader = loader;
        this.json = json;
        this.bucket = settings.checkpointsBucket();
        this.evaluationsBucket = settings.evaluationsBucket();
        this.trainer = settings.instanceId();
    }

    public String bucket() {
        return bucket;
    }

    /**
     * Stores the model's parameters, the optimizer state ({@code optimizerState}, null for none) and, last, the
     * sidecar; returns the sidecar as stored.
     */
    public CheckpointSidecar save(Model model, byte[] optimizerState, CheckpointDraft draft) throws IOException {
        store.ensureBucket(bucket);
        Checkpoint checkpoint = draft.checkpoint();
        Path dir = Files.createTempDirectory("checkpoint-");
        try {
            model.setProperty("Epoch", String.valueOf(checkpoint.epoch()));
            model.setProperty("Step", String.valueOf(checkpoint.step()));
            model.setProperty("Loss", String.valueOf(draft.train().loss()));
            model.setProperty("Accuracy", String.valueOf(draft.train().accuracy()));
            model.setProperty("Variant", draft.spec().network().variant());
            model.save(dir, CheckpointParams.MODEL_NAME);
            byte[] params = Files.readAllBytes(onlyParams(dir));
            StoredObject paramsObject = put(ObjectLayout.checkpointParamsKey(checkpoint.runId(), checkpoint.epoch(),
                    checkpoint.step()), params);
            StoredObject optimizerObject = optimizerState == null ? null : put(ObjectLayout.checkpointOptimizerKey(
                    checkpoint.runId(), checkpoint.epoch(), checkpoint.step()), optimizerState);
            CheckpointSidecar sidecar = new CheckpointSidecar(SchemaVersion.CURRENT, checkpoint, paramsObject,
                    optimizerObject, draft.spec(), draft.train(), draft.refits(), provenance(model));
            // the sidecar goes last: a checkpoint counts once its sidecar exists
            store.put(bucket, sidecar.key(), json.writeValueAsBytes(sidecar), "application/json");
            return sidecar;
        } finally {
            Files2.deleteTree(dir);
        }
    }

    /** The run's checkpoints (sidecars), oldest first. */
    public List<CheckpointSidecar> list(String runId) throws IOException, InvalidCheckpointException {
        store.ensureBucket(bucket);
        List<CheckpointSidecar> sidecars = new ArrayList<>();
        for (String key : store.listFolder(bucket, runId + "/")) { // a delimited listing: no other run's keys
            if (ObjectLayout.isCheckpointSidecarKey(key)) {
                sidecars.add(loader.sidecar(bucket, key));
            }
        }
        sidecars.sort(Comparator.comparingInt(sidecar -> sidecar.checkpoint().epoch()));
        return sidecars;
    }

    /**
     * Deletes all but the newest {@code keep} checkpoints of the run, and never the one its best evaluation names (the
     * evaluator's {@code best.json}), which a predictor under the {@code best} policy may serve.
     */
    public void prune(String runId, int keep) throws IOException, InvalidCheckpointException {
        List<CheckpointSidecar> all = list(runId);
        Optional<String> best = bestCheckpointId(runId);
        for (CheckpointSidecar old : all.subList(0, Math.max(0, all.size() - keep))) {
            if (best.isPresent() && best.get().equals(old.checkpoint().id())) {
                continue;
            }
            store.delete(bucket, old.key());
            store.delete(bucket, old.params().key());
            if (old.optimizer() != null) {
                store.delete(bucket, old.optimizer().key());
            }
        }
    }

    /** The checkpoint the run's best evaluation names, if the evaluator has recorded one this build reads. */
    private Optional<String> bestCheckpointId(String runId) throws IOException {
        String key = ObjectLayout.bestEvaluationKey(runId);
        if (!store.exists(evaluationsBucket, key)) {
            return Optional.empty();
        }
        try {
            return Optional.of(VersionedJson.read(json, store.get(evaluationsBucket, key), CheckpointEvaluated.class)
                    .checkpointId());
        } catch (UnreadableRecordException e) {
            LOG.warn("The best evaluation of run {} is unreadable ({}); pruning keeps the newest only", runId,
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** Loads a checkpoint's parameters into {@code model} (whose block is set), verified first. */
    public void loadInto(Model model, CheckpointSidecar sidecar) throws IOException, InvalidCheckpointException {
        loader.loadParameters(model, bucket, sidecar);
    }

    /** A checkpoint's optimizer state, verified against its sha256; null when the checkpoint has none. */
    public byte[] optimizerState(CheckpointSidecar sidecar) throws IOException {
        if (sidecar.optimizer() == null) {
            return null;
        }
        byte[] state = store.get(bucket, sidecar.optimizer().key());
        Hashing.requireSha256(state, sidecar.optimizer().sha256(),
                "checkpoint " + sidecar.checkpoint().id() + "'s optimizer state " + sidecar.optimizer().key());
        return state;
    }

    private StoredObject put(String key, byte[] bytes) throws IOException {
        store.put(bucket, key, bytes, "application/octet-stream");
        return new StoredObject(key, Hashing.sha256Hex(bytes), bytes.length);
    }

    private Provenance provenance(Model model) {
        return new Provenance(BuildInfo.commit(), Engine.getDjlVersion(), model.getNDManager().getEngine().getVersion(),
                Runtime.version().toString(), model.getNDManager().getDevice().toString(), trainer);
    }

    private static Path onlyParams(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".params")).findFirst()
                    .orElseThrow(() -> new IOException("DJL wrote no .params file in " + dir));
        }
    }

    /**
     * What the trainer knows of a checkpoint before it is stored.
     *
     * @param checkpoint which checkpoint
     * @param spec the run's spec with the epoch count in force
     * @param train how training went
     * @param refits the budget's refits so far
     */
    public record CheckpointDraft(Checkpoint checkpoint, TrainingJobSpec spec, TrainResult train,
            List<ScheduleRefit> refits) {}
}
