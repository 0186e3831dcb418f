package dev.squeezepipe.modelstore;

import dev.squeezepipe.events.CheckpointPublished;
import dev.squeezepipe.schema.SchemaVersion;
import dev.squeezepipe.service.ObjectStore;
import dev.squeezepipe.storage.CheckpointSidecar;
import dev.squeezepipe.storage.CheckpointSidecar.Checkpoint;
import dev.squeezepipe.storage.CheckpointSidecar.StoredObject;
import dev.squeezepipe.storage.ObjectLayout;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;

/**
 * Stores a checkpoint again as the same epoch of another run, every object at the keys the layout gives that run,
 * with a sidecar of its own: what a new run starting from the same weights would store. The swap measurement and
 * the tests announce such copies, since an event may only name a checkpoint stored at its own run's keys.
 */
public final class CheckpointCopies {

    private CheckpointCopies() {}

    /** Copies {@code source} (in {@code bucket}) to run {@code runId}, made now; returns the copy's sidecar. */
    public static CheckpointSidecar copy(ObjectStore store, JsonMapper json, String bucket, CheckpointSidecar source,
            String runId) throws IOException {
        Checkpoint from = source.checkpoint();
        Checkpoint to = new Checkpoint(runId + "/" + from.epoch(), runId, runId, from.epoch(), from.step(),
                Instant.now());
        StoredObject params = copyObject(store, bucket, source.params(),
                ObjectLayout.checkpointParamsKey(runId, from.epoch(), from.step()));
        StoredObject optimizer = source.optimizer() == null ? null : copyObject(store, bucket, source.optimizer(),
                ObjectLayout.checkpointOptimizerKey(runId, from.epoch(), from.step()));
        CheckpointSidecar copy = new CheckpointSidecar(SchemaVersion.CURRENT, to, params, optimizer, source.spec(),
                source.train(), source.refits(), source.provenance());
        store.put(bucket, copy.key(), json.writeValueAsBytes(copy), "application/json");
        return copy;
    }

    /** Copies the checkpoint {@code event} announces to run {@code runId}; returns the event announcing the copy. */
    public static CheckpointPublished copyAnnounced(ObjectStore store, JsonMapper json, CheckpointPublished event,
            String runId) throws IOException {
        CheckpointSidecar source = json.readValue(store.get(event.bucket(), event.sidecarKey()),
                CheckpointSidecar.class);
        return copy(store, json, event.bucket(), source, runId).announcement(event.bucket());
    }

    private static StoredObject copyObject(ObjectStore store, String bucket, StoredObject object, String key)
            throws IOException {
        store.put(bucket, key, store.get(bucket, object.key()), "application/octet-stream");
        return new StoredObject(key, object.sha256(), object.sizeBytes());
    }
}
