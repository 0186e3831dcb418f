package dev.squeezepipe.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void everyEventRoundTrips() throws IOException {
        ShardPreprocessing pre = new ShardPreprocessing(32, List.of(0.4914f, 0.4822f, 0.4465f),
                List.of(0.2023f, 0.1994f, 0.2010f));
        DatasetShardAnnounced shard = new DatasetShardAnnounced("ds-1", "train", 3, 3000, "datasets",
                "ds-1/train/shard-00003-abc.npz", 1000, List.of(1000, 3, 32, 32), "uint8", "abc", 3_072_400, pre,
                50_000L);
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        roundTrips(shard);
        roundTrips(new DatasetReady("ds-1", "train", 50_000, 50, "datasets", "ds-1/train/manifest.json", "x"));
        roundTrips(new IngestFailed("i-1", "/data", "truncated", now));
        roundTrips(new TrainingJobSubmitted("job-1", SPEC, now));
        roundTrips(new TrainingJobStatusChanged("job-1", "run-1", "RUNNING", 1, 2, 35, 300, null, "t-1", now));
        roundTrips(new CheckpointPublished("run-1/2", "run-1", "job-1", "ds-1", 2, 300, "checkpoints", "p", "s",
                "abc", "cifar", 10, 32, 1.2, 0.55, now));
        roundTrips(new EvaluationCompleted("run-1/2", "run-1", 2, "COMPLETED", null, 10_000, 0.6, 0.9, 1.1,
                List.of(0.5, 0.7), List.of(List.of(5L, 1L), List.of(2L, 7L)), true, 3.2, now, true));
        roundTrips(new ImageClassified("r-1", List.of(new ClassPrediction(3, "cat", 0.8)), "run-1/2", 2, 12.5));
        roundTrips(new SplitManifest("ds-1", "train", 1000, List.of(shard), "x"));
    }

    @Test
    void checkpointSidecarKeepsItsRefitsAndReadsOlderSidecarsWithout() throws IOException {
        CheckpointSidecar sidecar = new CheckpointSidecar("run-1/5", "run-1", "job-1", 5, 3910, "p", "abc", 10, SPEC,
                0.9, 0.7, 950.5, Instant.parse("2026-11-30T23:00:00Z"), "o", "def",
                List.of(new ScheduleRefit(2, 29), new ScheduleRefit(4, 33)));
        roundTrips(sidecar);
        String older = new String(json.writeValueAsBytes(sidecar), StandardCharsets.UTF_8)
                .replaceAll(",\\s*\"refits\":\\[[^\\]]*]", "");
        assertFalse(older.contains("refits"), older);
        assertNull(json.readValue(older, CheckpointSidecar.class).refits());
    }

    @Test
    void readsEvaluationsAndShardsPublishedBeforeTheirNewestFields() throws IOException {
        EvaluationCompleted evaluation = new EvaluationCompleted("run-1/2", "run-1", 2, "COMPLETED", null, 100, 0.6,
                0.9, 1.1, List.of(), List.of(), true, 3.2, Instant.parse("2026-11-28T12:00:00Z"), true);
        String older = new String(json.writeValueAsBytes(evaluation), StandardCharsets.UTF_8)
                .replaceAll(",\\s*\"testTimeFlips\":true", "");
        assertFalse(older.contains("testTimeFlips"), older);
        assertFalse(json.readValue(older, EvaluationCompleted.class).testTimeFlips(), "scored without flips");
        DatasetShardAnnounced shard = new DatasetShardAnnounced("ds-1", "train", 0, 0, "datasets", "k", 10,
                List.of(10, 3, 32, 32), "uint8", "abc", 100, null, 50L);
        String olderShard = new String(json.writeValueAsBytes(shard), StandardCharsets.UTF_8)
                .replaceAll(",\\s*\"splitImages\":50", "");
        assertFalse(olderShard.contains("splitImages"), olderShard);
        assertNull(json.readValue(olderShard, DatasetShardAnnounced.class).splitImages(), "size not announced");
    }

    @Test
    void catalogueNamesEveryTopicOnceWithItsTypes() {
        HashSet<String> names = new HashSet<>();
        for (TopicSpec spec : Topics.ALL) {
            assertTrue(names.add(spec.name()), "duplicate topic " + spec.name());
            assertTrue(spec.partitions() >= 1);
        }
        assertEquals(TrainingJobSubmitted.class, Topics.spec(Topics.TRAINING_JOBS).valueType());
        assertEquals(byte[].class, Topics.spec(Topics.CLASSIFICATION_REQUESTS).valueType());
    }
}
