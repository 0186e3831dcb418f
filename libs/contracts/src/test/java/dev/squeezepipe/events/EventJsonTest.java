package dev.squeezepipe.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.squeezepipe.schema.SchemaVersion;
import dev.squeezepipe.schema.UnreadableRecordException;
import dev.squeezepipe.schema.VersionedJson;
import dev.squeezepipe.spec.ScheduleRefit;
import dev.squeezepipe.spec.TrainingJobSpec.Augmentation;
import dev.squeezepipe.spec.TrainingJobSpec.Budget;
import dev.squeezepipe.spec.TrainingJobSpec.Checkpoints;
import dev.squeezepipe.spec.TrainingJobSpec.Data;
import dev.squeezepipe.spec.TrainingJobSpec.LowResolution;
import dev.squeezepipe.spec.TrainingJobSpec.Network;
import dev.squeezepipe.spec.TrainingJobSpec.Optimisation;
import dev.squeezepipe.spec.TrainingJobSpec.Schedule;
import dev.squeezepipe.spec.TrainingJobSpec;
import dev.squeezepipe.storage.CheckpointSidecar.Checkpoint;
import dev.squeezepipe.storage.CheckpointSidecar.Provenance;
import dev.squeezepipe.storage.CheckpointSidecar.StoredObject;
import dev.squeezepipe.storage.CheckpointSidecar.TrainResult;
import dev.squeezepipe.storage.CheckpointSidecar;
import dev.squeezepipe.storage.SplitManifest;
import dev.squeezepipe.topics.TopicSpec;
import dev.squeezepipe.topics.Topics;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every event survives a JSON round trip through Micronaut Serialization, as the services send them. */
class EventJsonTest {

    private static final String V = SchemaVersion.CURRENT;
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    /** A spec with every group and every nullable field set. */
    private static final TrainingJobSpec SPEC = new TrainingJobSpec(new Data("ds-1", 640, new LowResolution(24, 0.6)),
            Network.cifar10("cifar-bn", 32), Optimisation.sgd(64, 5e-4).withLabelSmoothing(0.1),
            Schedule.linear(0.05, 2), Augmentation.cropFlipAndCutout(0.375), new Budget(100, 112.0),
            Checkpoints.EVERY_EPOCH_KEEP_10, 7);

    private final ObjectMapper json = ObjectMapper.getDefault();

    private <T> void roundTrips(T event) throws IOException {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) event.getClass();
        assertEquals(event, json.readValue(json.writeValueAsBytes(event), type));
    }

    private static CheckpointPublished checkpoint() {
        return new CheckpointPublished(V, "run-1/2", "run-1", "job-1", "ds-1", 2, 300, "checkpoints", "p", "s", "abc",
                "cifar", 10, 32, 1.2, 0.55, NOW);
    }

    @Test
    void everyEventRoundTrips() throws IOException {
        ShardPreprocessing pre = new ShardPreprocessing(32, List.of(0.4914f, 0.4822f, 0.4465f),
                List.of(0.2023f, 0.1994f, 0.2010f));
        DatasetShardAnnounced shard = new DatasetShardAnnounced(V, "ds-1", "train", 3, 3000, "datasets",
                "ds-1/train/shard-00003-abc.npz", 1000, List.of(1000, 3, 32, 32), "uint8", "abc", 3_072_400, pre,
                50_000L);
        roundTrips(shard);
        roundTrips(new DatasetReady(V, "ds-1", "train", 50_000, 50, "datasets", "ds-1/train/manifest.json", "x"));
        roundTrips(new IngestFailed(V, "i-1", "/data", "truncated", NOW));
        roundTrips(new TrainingJobSubmitted(V, "job-1", SPEC, NOW));
        roundTrips(new TrainingJobStatusChanged(V, "job-1", "run-1", JobState.RUNNING, 1, 2, 35, 300, null, "t-1",
                NOW));
        roundTrips(checkpoint());
        roundTrips(new CheckpointEvaluated(V, "run-1/2", "run-1", 2, EvaluationOutcome.SCORED, null, 10_000, 0.6, 0.9,
                1.1, List.of(0.5, 0.7), List.of(List.of(5L, 1L), List.of(2L, 7L)), true, 3.2, NOW, true));
        roundTrips(new ImageClassified(V, "r-1", List.of(new ClassPrediction(3, "cat", 0.8)), "run-1/2", 2, 12.5));
        roundTrips(new SplitManifest("ds-1", "train", 1000, List.of(shard), "x"));
    }

    @Test
    void checkpointSidecarKeepsItsRefitsAndProvenance() throws IOException {
        CheckpointSidecar sidecar = new CheckpointSidecar(V, new Checkpoint("run-1/5", "run-1", "job-1", 5, 3910, NOW),
                new StoredObject("p", "abc", 10), new StoredObject("o", "def", 20), SPEC, new TrainResult(0.9, 0.7,
                        950.5),
                List.of(new ScheduleRefit(2, 29), new ScheduleRefit(4, 33)),
                new Provenance("1a2b3c4", "0.36.0", "2.7.1", "17.0.15", "cpu()", "trainer-1"));
        roundTrips(sidecar);
        CheckpointSidecar none = new CheckpointSidecar(V, sidecar.checkpoint(), sidecar.params(), null, SPEC,
                sidecar.train(), List.of(), sidecar.provenance());
        assertEquals(List.of(), json.readValue(json.writeValueAsBytes(none), CheckpointSidecar.class).refits(),
                "no refits read back as none");
    }

    @Test
    void readerTakesAnEventOfItsMajorVersionAndIgnoresFieldsAddedInAMinorOne() throws Exception {
        String written = new String(json.writeValueAsBytes(checkpoint()), StandardCharsets.UTF_8)
                .replace("\"schema\":\"" + V + "\"", "\"schema\":\"" + SchemaVersion.MAJOR + ".7\",\"later\":42");
        CheckpointPublished read = VersionedJson.read(json, written.getBytes(StandardCharsets.UTF_8),
                CheckpointPublished.class);
        assertEquals(checkpoint().checkpointId(), read.checkpointId());
    }

    @Test
    void readerRefusesAnotherMajorVersionNamingIt() throws IOException {
        String newer = new String(json.writeValueAsBytes(checkpoint()), StandardCharsets.UTF_8)
                .replace("\"schema\":\"" + V + "\"", "\"schema\":\"" + (SchemaVersion.MAJOR + 1) + ".0\"");
        UnreadableRecordException e = assertThrows(UnreadableRecordException.class,
                () -> VersionedJson.read(json, newer.getBytes(StandardCharsets.UTF_8), CheckpointPublished.class));
        assertTrue(e.getMessage().contains("CheckpointPublished: schema " + (SchemaVersion.MAJOR + 1) + ".0 is of a "
                + "major version this build does not read"), e.getMessage());
    }

    @Test
    void readerRefusesAnEventWithoutVersionAndBytesThatAreNotJson() {
        UnreadableRecordException none = assertThrows(UnreadableRecordException.class, () -> VersionedJson.read(json,
                "{\"checkpointId\":\"run-1/2\"}".getBytes(StandardCharsets.UTF_8), CheckpointPublished.class));
        assertTrue(none.getMessage().contains("carries no schema version"), none.getMessage());
        UnreadableRecordException garbage = assertThrows(UnreadableRecordException.class, () -> VersionedJson.read(
                json, "{not json".getBytes(StandardCharsets.UTF_8), CheckpointPublished.class));
        assertTrue(garbage.getMessage().startsWith("CheckpointPublished: "), garbage.getMessage());
        assertThrows(UnreadableRecordException.class,
                () -> VersionedJson.read(json, new byte[0], CheckpointPublished.class));
    }

    @Test
    void catalogueNamesEveryTopicOnceAndADeadLetterTopicForEachConsumedOne() {
        HashSet<String> names = new HashSet<>();
        for (TopicSpec spec : Topics.ALL) {
            assertTrue(names.add(spec.name()), "duplicate topic " + spec.name());
            assertTrue(spec.partitions() >= 1);
        }
        assertEquals(TrainingJobSubmitted.class, Topics.spec(Topics.TRAINING_JOBS).valueType());
        assertEquals(byte[].class, Topics.spec(Topics.CLASSIFICATION_REQUESTS).valueType());
        for (String consumed : List.of(Topics.TRAINING_JOBS, Topics.CHECKPOINTS, Topics.CLASSIFICATION_REQUESTS)) {
            assertEquals(byte[].class, Topics.spec(Topics.deadLetterTopicOf(consumed)).valueType());
        }
        assertThrows(IllegalArgumentException.class, () -> Topics.deadLetterTopicOf(Topics.CLASSIFICATION_RESULTS));
    }
}
