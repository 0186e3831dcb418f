package dev.squeezepipe.evaluator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.squeezepipe.events.CheckpointEvaluated;
import dev.squeezepipe.events.CheckpointPublished;
import dev.squeezepipe.events.EvaluationOutcome;
import dev.squeezepipe.events.TrainingJobSubmitted;
import dev.squeezepipe.ingest.IngestRequest;
import dev.squeezepipe.ingest.IngestService;
import dev.squeezepipe.ingest.IngestStatus;
import dev.squeezepipe.modelstore.CheckpointCopies;
import dev.squeezepipe.modelstore.CheckpointLoader;
import dev.squeezepipe.modelstore.StoredSplits;
import dev.squeezepipe.schema.SchemaVersion;
import dev.squeezepipe.service.ObjectStore;
import dev.squeezepipe.spec.TrainingJobSpec.Network;
import dev.squeezepipe.spec.TrainingJobSpec;
import dev.squeezepipe.storage.CheckpointSidecar;
import dev.squeezepipe.storage.ObjectLayout;
import dev.squeezepipe.testing.CifarFixtures;
import dev.squeezepipe.testing.Infrastructure;
import dev.squeezepipe.testing.KafkaProbe;
import dev.squeezepipe.topics.Topics;
import dev.squeezepipe.trainer.TrainerEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The evaluator end to end: checkpoints made by the real trainer, scored on data stored by the real ingest. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EvaluatorSuite {

    private static final Duration WAIT = Duration.ofMinutes(3);

    private ApplicationContext ingest;
    private ApplicationContext trainer;
    private ApplicationContext evaluator;
    private KafkaProbe probe;
    private JsonMapper json;
    private String runId;

    abstract Infrastructure infrastructure();

    private Map<String, Object> properties() {
        Map<String, Object> props = new HashMap<>(infrastructure().serviceProperties());
        props.put("trainer.instance-id", "t-eval");
        return props;
    }

    @BeforeAll
    void trainTinyRun() {
        ingest = ApplicationContext.builder().environments("ingest").properties(properties()).start();
        trainer = ApplicationContext.builder().environments("trainer").properties(properties()).start();
        evaluator = ApplicationContext.builder().environments("evaluator").properties(properties()).start();
        json = ingest.getBean(JsonMapper.class);
        probe = new KafkaProbe(infrastructure().kafkaBootstrapServers(), Topics.CHECKPOINTS, Topics.EVALUATIONS,
                Topics.CHECKPOINTS_DLQ);
        IngestStatus data = ingest.getBean(IngestService.class)
                .ingestNow(new IngestRequest(CifarFixtures.sharedArchive().toString(), null, 200, 100, null));
        runId = "job-" + UUID.randomUUID();
        TrainingJobSpec spec = TrainingJobSpec.plain(data.datasetId(), Network.cifar10("cifar", 32), 2, 32)
                .withTrainLimit(160).withSeed(3);
        trainer.getBean(TrainerEvents.class).submit(runId, new TrainingJobSubmitted(SchemaVersion.CURRENT, runId, spec,
                Instant.now()));
        await().atMost(WAIT).until(() -> evaluations(runId).size() >= 2);
    }

    @AfterAll
    void stop() {
        probe.close();
        evaluator.close();
        trainer.close();
        ingest.close();
    }

    private <T> List<T> read(String topic, Class<T> type, String key) {
        return probe.values(topic, key, value -> json.readValue(value, type));
    }

    private List<CheckpointEvaluated> evaluations(String run) {
        return read(Topics.EVALUATIONS, CheckpointEvaluated.class, run);
    }

    private void send(String topic, String key, byte[] value) {
        Map<String, Object> props = Map.of("bootstrap.servers", infrastructure().kafkaBootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value));
        }
    }

    private CheckpointPublished checkpoint(int epoch) {
        return read(Topics.CHECKPOINTS, CheckpointPublished.class, runId).stream().filter(c -> c.epoch() == epoch)
                .findFirst().orElseThrow();
    }

    /** Epoch {@code epoch} of the trained run stored again as run {@code run}, and the event announcing it. */
    private CheckpointPublished copied(int epoch, String run) throws IOException {
        return CheckpointCopies.copyAnnounced(evaluator.getBean(ObjectStore.class), json, checkpoint(epoch), run);
    }

    @Test
    void everyCheckpointGetsAPlausibleEvaluationAndTheBestIsRecorded() throws IOException {
        List<CheckpointEvaluated> all = evaluations(runId);
        assertEquals(List.of(1, 2), all.stream().map(CheckpointEvaluated::epoch).sorted().toList());
        for (CheckpointEvaluated e : all) {
            assertEquals(EvaluationOutcome.SCORED, e.outcome(), e.reason());
            assertEquals(200, e.images());
            assertTrue(e.top1() >= 0 && e.top1() <= e.top5() && e.top5() <= 1, e.top1() + " / " + e.top5());
            assertTrue(e.top5() >= 0.3, "a top-5 of 10 classes cannot be far below 0.5: " + e.top5());
            assertTrue(Double.isFinite(e.meanLoss()) && e.meanLoss() > 0);
            assertEquals(10, e.perClassAccuracy().size());
            assertEquals(200L, e.confusion().stream().flatMap(List::stream).mapToLong(Long::longValue).sum());
        }
        ObjectStore store = evaluator.getBean(ObjectStore.class);
        CheckpointEvaluated best = json.readValue(store.get("evaluations", ObjectLayout.bestEvaluationKey(runId)),
                CheckpointEvaluated.class);
        assertEquals(all.stream().mapToDouble(CheckpointEvaluated::top1).max().orElseThrow(), best.top1());
        assertTrue(all.stream().anyMatch(CheckpointEvaluated::best));
    }

    @Test
    void withTestTimeFlipsTheEvaluationSaysSoAndScoresTheMirrorsToo() throws Exception {
        String run = "flips-" + UUID.randomUUID();
        CheckpointPublished again = copied(2, run);
        Map<String, Object> props = properties();
        props.put("evaluator.test-time-flips", "true");
        try (ApplicationContext flipping = ApplicationContext.builder().environments("evaluator").properties(props)
                .start()) {
            flipping.getBean(EvaluationService.class).evaluate(again);
        }
        await().atMost(WAIT).until(() -> !evaluations(run).isEmpty());
        CheckpointEvaluated flipped = evaluations(run).get(0);
        CheckpointEvaluated plain = evaluations(runId).stream().filter(e -> e.epoch() == 2).findFirst().orElseThrow();
        assertEquals(EvaluationOutcome.SCORED, flipped.outcome(), flipped.reason());
        assertTrue(flipped.testTimeFlips() && !plain.testTimeFlips());
        assertEquals(200, flipped.images());
        assertNotEquals(plain.meanLoss(), flipped.meanLoss(), "the averaged probabilities have another loss");
    }

    @Test
    void anUnreadableBestRecordIsReplacedByTheCheckpointScoredNotRetriedForever() throws IOException {
        String run = "garbled-best-" + UUID.randomUUID();
        CheckpointPublished renamed = copied(2, run);
        ObjectStore store = evaluator.getBean(ObjectStore.class);
        store.put("evaluations", ObjectLayout.bestEvaluationKey(run), "{not json".getBytes(StandardCharsets.UTF_8),
                "application/json");
        send(Topics.CHECKPOINTS, run, json.writeValueAsBytes(renamed));
        await().atMost(WAIT).until(() -> !evaluations(run).isEmpty());
        CheckpointEvaluated evaluated = evaluations(run).get(0);
        assertEquals(EvaluationOutcome.SCORED, evaluated.outcome(), evaluated.reason());
        assertTrue(evaluated.best(), "the unreadable record counts as none");
        CheckpointEvaluated best = json.readValue(store.get("evaluations", ObjectLayout.bestEvaluationKey(run)),
                CheckpointEvaluated.class);
        assertEquals(run + "/2", best.checkpointId());
    }

    @Test
    void aRepeatedCheckpointEventIsNotEvaluatedAgain() throws IOException {
        send(Topics.CHECKPOINTS, runId, json.writeValueAsBytes(checkpoint(1)));
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                .until(() -> evaluations(runId).size() == 2);
    }

    @Test
    void eventsNamingWhatIsNotAStoredCheckpointOfTheRunAreDeadLetteredNotEvaluated() throws IOException {
        CheckpointPublished stored = copied(2, "tampered-" + UUID.randomUUID());
        CheckpointPublished wrongHash = withHash(stored, "0".repeat(64));
        CheckpointPublished real = checkpoint(2);
        String borrowing = "borrowing-" + UUID.randomUUID();
        CheckpointPublished otherRunsKeys = new CheckpointPublished(SchemaVersion.CURRENT, borrowing + "/2",
                borrowing, borrowing, real.datasetId(), 2, real.step(), real.bucket(), real.paramsKey(),
                real.sidecarKey(), real.sha256(), real.variant(), real.classes(), real.inputSize(), real.trainLoss(),
                real.trainAccuracy(), Instant.now());
        String foreign = "foreign-" + UUID.randomUUID();
        CheckpointPublished otherBucket = new CheckpointPublished(SchemaVersion.CURRENT, foreign + "/2", foreign,
                foreign, real.datasetId(), 2, real.step(), "datasets", real.paramsKey(), real.sidecarKey(),
                real.sha256(), real.variant(), real.classes(), real.inputSize(), real.trainLoss(),
                real.trainAccuracy(), Instant.now());
        Map<String, String> expected = Map.of(
                wrongHash.runId(), "does not match its sidecar's",
                borrowing, "are not the layout's for its run, epoch and step",
                foreign, "announces bucket 'datasets', not the checkpoints bucket 'checkpoints'");
        for (CheckpointPublished event : List.of(wrongHash, otherRunsKeys, otherBucket)) {
            send(Topics.CHECKPOINTS, event.runId(), json.writeValueAsBytes(event));
        }
        await().atMost(WAIT).until(() -> probe.on(Topics.CHECKPOINTS_DLQ).stream()
                .filter(r -> expected.containsKey(r.key())).count() == 3);
        probe.on(Topics.CHECKPOINTS_DLQ).stream().filter(r -> expected.containsKey(r.key())).forEach(r -> {
            String reason = new String(r.headers().lastHeader(Topics.HEADER_DLQ_REASON).value(),
                    StandardCharsets.UTF_8);
            assertTrue(reason.startsWith("not a checkpoint of this pipeline: ") && reason.contains(
                    expected.get(r.key())), reason);
            assertEquals(List.of(), evaluations(r.key()), "no evaluation for " + r.key());
        });
    }

    private static CheckpointPublished withHash(CheckpointPublished c, String sha256) {
        return new CheckpointPublished(SchemaVersion.CURRENT, c.checkpointId(), c.runId(), c.jobId(), c.datasetId(),
                c.epoch(), c.step(), c.bucket(), c.paramsKey(), c.sidecarKey(), sha256, c.variant(), c.classes(),
                c.inputSize(), c.trainLoss(), c.trainAccuracy(), c.publishedAt());
    }

    @Test
    void checkpointThatDoesNotFitItsNetworkFailsWithReason() throws IOException {
        CheckpointPublished real = checkpoint(2);
        ObjectStore store = evaluator.getBean(ObjectStore.class);
        CheckpointSidecar sidecar =
                json.readValue(store.get(real.bucket(), real.sidecarKey()), CheckpointSidecar.class);
        TrainingJobSpec s = sidecar.spec();
        Network network = s.network();
        TrainingJobSpec wider = new TrainingJobSpec(s.data(), new Network("cifar-complex-bypass", network.classes(),
                network.inputSize(), network.design()), s.optimisation(), s.schedule(), s.augmentation(), s.budget(),
                s.checkpoints(), s.seed());
        String run = "misfit-" + UUID.randomUUID();
        CheckpointSidecar copy = CheckpointCopies.copy(store, json, real.bucket(), sidecar, run);
        CheckpointSidecar misfitSidecar = new CheckpointSidecar(SchemaVersion.CURRENT, copy.checkpoint(),
                copy.params(), null, wider, sidecar.train(), List.of(), sidecar.provenance());
        store.put(real.bucket(), misfitSidecar.key(), json.writeValueAsBytes(misfitSidecar), "application/json");
        CheckpointPublished misfit = misfitSidecar.announcement(real.bucket());
        send(Topics.CHECKPOINTS, run, json.writeValueAsBytes(misfit));
        await().atMost(WAIT).until(() -> !evaluations(run).isEmpty());
        CheckpointEvaluated result = evaluations(run).get(0);
        assertEquals(EvaluationOutcome.FAILED, result.outcome());
        assertTrue(result.reason().contains("cifar-complex-bypass"), result.reason());
    }

    @Test
    void anS3OutageLongerThanItsRetriesThrowsInsteadOfSkippingTheCheckpoint() throws Exception {
        CheckpointPublished real = checkpoint(1);
        Map<String, Object> props = new HashMap<>(properties());
        try (ServerSocket closed = new ServerSocket(0)) {
            props.put("s3.endpoint", "http://127.0.0.1:" + closed.getLocalPort()); // nothing answers there
        }
        props.put("s3.retry-first", "50ms");
        props.put("s3.retry-max", "200ms");
        props.put("s3.retry-give-up-after", "1s");
        // the shared service environment alone: real S3 and Kafka clients, no listener to join the evaluators' group
        try (ApplicationContext away = ApplicationContext.run(props)) {
            EvaluationService service = new EvaluationService(away.getBean(ObjectStore.class),
                    away.getBean(CheckpointLoader.class), away.getBean(StoredSplits.class),
                    away.getBean(EvaluatorEvents.class), new EvaluatorMetrics(away.getBean(MeterRegistry.class)),
                    new EvaluatorSettings("checkpoints", "evaluations", "datasets", 250, false),
                    away.getBean(JsonMapper.class));
            long start = System.nanoTime();
            IOException e = assertThrows(IOException.class, () -> service.evaluate(real));
            assertTrue(e.getMessage().startsWith("cannot create bucket evaluations: "), e.getMessage());
            assertTrue(System.nanoTime() - start >= Duration.ofSeconds(1).toNanos() - Duration.ofMillis(300).toNanos(),
                    "it retried for the configured second first");
            assertTrue(away.getBean(MeterRegistry.class).find("s3.retries").counter().count() >= 2);
        }
    }

    @Test
    void eventOfAnUnknownMajorVersionGoesToTheDeadLetterTopicWithTheVersionNamed() throws IOException {
        CheckpointPublished real = checkpoint(1);
        String key = "newer-" + UUID.randomUUID();
        byte[] newer = new String(json.writeValueAsBytes(real), StandardCharsets.UTF_8)
                .replace("\"schema\":\"" + SchemaVersion.CURRENT + "\"", "\"schema\":\"2.0\"")
                .getBytes(StandardCharsets.UTF_8);
        send(Topics.CHECKPOINTS, key, newer);
        await().atMost(WAIT).until(() -> probe.on(Topics.CHECKPOINTS_DLQ).stream().anyMatch(r -> key.equals(r.key())));
        ConsumerRecord<String, byte[]> dead = probe.on(Topics.CHECKPOINTS_DLQ).stream()
                .filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        assertArrayEquals(newer, dead.value());
        String reason = new String(dead.headers().lastHeader(Topics.HEADER_DLQ_REASON).value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("schema 2.0 is of a major version this build does not read"), reason);
    }

    @Test
    void unreadableEventGoesToTheDeadLetterTopicAndEvaluationGoesOn() throws IOException {
        byte[] garbage = "\u0000\u0001not a checkpoint".getBytes(StandardCharsets.UTF_8);
        String key = "garbage-" + UUID.randomUUID();
        send(Topics.CHECKPOINTS, key, garbage);
        await().atMost(WAIT).until(() -> probe.on(Topics.CHECKPOINTS_DLQ).stream().anyMatch(r -> key.equals(r.key())));
        ConsumerRecord<String, byte[]> dead = probe.on(Topics.CHECKPOINTS_DLQ).stream()
                .filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        assertArrayEquals(garbage, dead.value());
        assertTrue(new String(dead.headers().lastHeader(Topics.HEADER_DLQ_REASON).value(), StandardCharsets.UTF_8)
                .startsWith("unreadable event: CheckpointPublished: "));
        String run = "after-garbage-" + UUID.randomUUID();
        send(Topics.CHECKPOINTS, run, json.writeValueAsBytes(copied(1, run)));
        await().atMost(WAIT).until(() -> !evaluations(run).isEmpty());
        assertEquals(EvaluationOutcome.SCORED, evaluations(run).get(0).outcome(), evaluations(run).get(0).reason());
    }
}
