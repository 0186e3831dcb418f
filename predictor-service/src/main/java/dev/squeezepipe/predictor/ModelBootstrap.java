package dev.squeezepipe.predictor;

import dev.squeezepipe.events.CheckpointEvaluated;
import dev.squeezepipe.modelstore.CheckpointLoader;
import dev.squeezepipe.modelstore.InvalidCheckpointException;
import dev.squeezepipe.schema.UnreadableRecordException;
import dev.squeezepipe.schema.VersionedJson;
import dev.squeezepipe.service.ObjectStore;
import dev.squeezepipe.storage.CheckpointSidecar;
import dev.squeezepipe.storage.ObjectLayout;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the {@link ModelFollower} at start what S3 holds: every checkpoint's sidecar and every evaluation record. A
 * predictor so serves the newest (or best) checkpoint even when the topics no longer hold its events (retention
 * expired, the broker's data lost); the topics then add what comes after, and replaying them never goes back to an
 * older checkpoint.
 */
@Singleton
@Requires(env = "predictor")
public class ModelBootstrap implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ModelBootstrap.class);

    private final ObjectStore store;
    private final CheckpointLoader loader;
    private final ModelFollower follower;
    private final PredictorSettings settings;
    private final JsonMapper json;

    public ModelBootstrap(ObjectStore store, CheckpointLoader loader, ModelFollower follower,
            PredictorSettings settings, JsonMapper json) {
        this.store = store;
        this.loader = loader;
        this.follower = follower;
        this.settings = settings;
        this.json = json;
    }

    /** Reads S3 on a thread of its own: with S3 away the service still starts, its model DOWN until one loads. */
    @Override
    public void onApplicationEvent(StartupEvent event) {
        Thread reader = new Thread(this::followWhatS3Holds, "model-bootstrap");
        reader.setDaemon(true);
        reader.start();
    }

    private void followWhatS3Holds() {
        try {
            int checkpoints = followCheckpoints();
            int evaluations = followEvaluations();
            LOG.info("Found {} checkpoints and {} evaluations in S3", checkpoints, evaluations);
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not read what S3 holds ({}); serving what the topics announce", e.getMessage());
        }
    }

    /** Every readable sidecar, oldest first, so that the newest is offered last. */
    private int followCheckpoints() throws IOException {
        String bucket = settings.checkpointsBucket();
        store.ensureBucket(bucket);
        List<CheckpointSidecar> sidecars = new ArrayList<>();
        for (String key : store.list(bucket, "")) {
            if (ObjectLayout.isCheckpointSidecarKey(key)) {
                try {
                    sidecars.add(loader.sidecar(bucket, key));
                } catch (InvalidCheckpointException e) {
                    LOG.warn("Skipping {}: {}", key, e.getMessage());
                }
            }
        }
        sidecars.stream().map(sidecar -> sidecar.announcement(bucket))
                .sorted(CheckpointOrder.OLDEST_FIRST).forEach(follower::follow);
        return sidecars.size();
    }

    /** Every readable evaluation record of a checkpoint (not the runs' best.json, which repeats one of them). */
    private int followEvaluations() throws IOException {
        String bucket = settings.evaluationsBucket();
        store.ensureBucket(bucket);
        int count = 0;
        for (String key : store.list(bucket, "")) {
            if (ObjectLayout.isEvaluationKey(key)) {
                try {
                    follower.evaluated(VersionedJson.read(json, store.get(bucket, key), CheckpointEvaluated.class));
                    count++;
                } catch (UnreadableRecordException e) {
                    LOG.warn("Skipping {}: {}", key, e.getMessage());
                }
            }
        }
        return count;
    }
}
