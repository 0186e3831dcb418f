package dev.squeezepipe.predictor;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.squeezepipe.events.CheckpointEvaluated;
import dev.squeezepipe.events.CheckpointPublished;
import dev.squeezepipe.events.ClassPrediction;
import dev.squeezepipe.events.EvaluationOutcome;
import dev.squeezepipe.events.ImageClassified;
import dev.squeezepipe.events.TrainingJobSubmitted;
import dev.squeezepipe.ingest.IngestRequest;
import dev.squeezepipe.ingest.IngestService;
import dev.squeezepipe.ingest.IngestStatus;
import dev.squeezepipe.modelstore.CheckpointCopies;
import dev.squeezepipe.preprocess.HostileImages;
import dev.squeezepipe.schema.SchemaVersion;
import dev.squeezepipe.service.ObjectStore;
import dev.squeezepipe.spec.TrainingJobSpec.Network;
import dev.squeezepipe.spec.TrainingJobSpec;
import dev.squeezepipe.testing.CifarFixtures;
import dev.squeezepipe.testing.ConsumerGroups;
import dev.squeezepipe.testing.Infrastructure;
import dev.squeezepipe.testing.KafkaProbe;
import dev.squeezepipe.topics.Topics;
import dev.squeezepipe.trainer.TrainerEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** The predictor end to end, serving checkpoints made by the real trainer from data stored by the real ingest. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class PredictorSuite {

    private static final Duration WAIT = Duration.ofMinutes(3);

    private ApplicationContext ingest;
    private ApplicationContext trainer;
    private ApplicationContext predictor;
    private EmbeddedServer server;
    private HttpClient http;
    private KafkaProbe probe;
    private KafkaProducer<String, byte[]> producer;
    private JsonMapper json;
    private String runId;

    abstract Infrastructure infrastructure();

    @BeforeAll
    void serveTinyRun() {
        Map<String, Object> props = new HashMap<>(infrastructure().serviceProperties());
        props.put("trainer.instance-id", "t-predict");
        props.put("micronaut.server.port", "-1");
        ingest = ApplicationContext.builder().environments("ingest").properties(props).start();
        trainer = ApplicationContext.builder().environments("trainer").properties(props).start();
        predictor = predictorWith(props);
        server = predictor.getBean(EmbeddedServer.class).start();
        http = HttpClient.create(server.getURL());
        json = ingest.getBean(JsonMapper.class);
        probe = new KafkaProbe(infrastructure().kafkaBootstrapServers(), Topics.CHECKPOINTS,
                Topics.CLASSIFICATION_RESULTS, Topics.CLASSIFICATION_REQUESTS_DLQ);
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", infrastructure().kafkaBootstrapServers(),
                "max.request.size", 64 * 1024 * 1024, "buffer.memory", 128 * 1024 * 1024),
                new StringSerializer(), new ByteArraySerializer());
        IngestStatus data = ingest.getBean(IngestService.class)
                .ingestNow(new IngestRequest(CifarFixtures.sharedArchive().toString(), null, 200, 100, null));
        runId = "job-" + UUID.randomUUID();
        TrainingJobSpec spec = TrainingJobSpec.plain(data.datasetId(), Network.cifar10("cifar", 32), 2, 32)
                .withTrainLimit(160).withSeed(5);
        trainer.getBean(TrainerEvents.class).submit(runId, new TrainingJobSubmitted(SchemaVersion.CURRENT, runId, spec,
                Instant.now()));
        await().atMost(WAIT).until(() -> (runId + "/2").equals(predictor.getBean(ModelSwapper.class).currentId()));
    }

    @AfterAll
    void stop() {
        producer.close();
        probe.close();
        http.close();
        predictor.close();
        trainer.close();
        ingest.close();
    }

    private void request(String id, byte[] image) {
        producer.send(new ProducerRecord<>(Topics.CLASSIFICATION_REQUESTS, id, image));
    }

    private Map<String, ImageClassified> results(Set<String> ids) {
        return probe.on(Topics.CLASSIFICATION_RESULTS).stream().filter(r -> ids.contains(r.key()))
                .collect(Collectors.toMap(ConsumerRecord::key, this::classified, (a, b) -> a));
    }

    private ImageClassified classified(ConsumerRecord<String, byte[]> record) {
        try {
            return json.readValue(record.value(), ImageClassified.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(Set<String> ids) {
        return probe.on(Topics.CLASSIFICATION_REQUESTS_DLQ).stream().filter(r -> ids.contains(r.key())).toList();
    }

    private CheckpointPublished checkpoint(int epoch) {
        return probe.values(Topics.CHECKPOINTS, runId, value -> json.readValue(value, CheckpointPublished.class))
                .stream().filter(c -> c.epoch() == epoch).findFirst().orElseThrow();
    }

    /** Epoch {@code epoch} of the served run stored again as run {@code run}, and the event announcing it. */
    private CheckpointPublished copied(int epoch, String run) throws IOException {
        return CheckpointCopies.copyAnnounced(predictor.getBean(ObjectStore.class), json, checkpoint(epoch), run);
    }

    /** A predictor service of its own with {@code props}. */
    private static ApplicationContext predictorWith(Map<String, Object> props) {
        return ApplicationContext.builder().environments("predictor").properties(props).start();
    }

    private static byte[] randomCifar(Random random) {
        byte[] image = new byte[3072];
        random.nextBytes(image);
        return image;
    }

    @Test
    void swapsToANewCheckpointWhileRequestsFlowWithoutLosingAny() throws IOException {
        Random random = new Random(1);
        Set<String> sent = new HashSet<>();
        String swapRun = "swap-" + UUID.randomUUID();
        String newModel = swapRun + "/1";
        for (int i = 0; i < 50; i++) {
            String id = "flow-" + UUID.randomUUID();
            sent.add(id);
            request(id, randomCifar(random));
        }
        producer.send(new ProducerRecord<>(Topics.CHECKPOINTS, swapRun, json.writeValueAsBytes(copied(1, swapRun))));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> {
            for (int i = 0; i < 10; i++) { // requests keep flowing until answers come from the new model
                String id = "flow-" + UUID.randomUUID();
                sent.add(id);
                request(id, randomCifar(random));
            }
            producer.flush();
            return results(sent).values().stream().anyMatch(r -> r.modelId().equals(newModel));
        });
        await().atMost(WAIT).until(() -> results(sent).size() == sent.size());
        Map<String, ImageClassified> all = results(sent);
        Set<String> models = all.values().stream().map(ImageClassified::modelId).collect(Collectors.toSet());
        assertTrue(models.contains(runId + "/2") && models.contains(newModel), "answers came from " + models);
        assertEquals(List.of(), deadLetters(sent), "no request was dead-lettered");
        ImageClassified any = all.values().iterator().next();
        assertEquals(5, any.top().size());
        assertTrue(any.top().get(0).probability() >= any.top().get(4).probability());
    }

    @Test
    void answersABurstOnceEachAndCommitsItAllWhenTheTopicGoesIdle() throws Exception {
        Random random = new Random(4);
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 3000; i++) { // a burst, arriving while the listener polls
            String id = "burst-" + i + "-" + UUID.randomUUID();
            sent.add(id);
            request(id, randomCifar(random));
        }
        producer.flush();
        await().atMost(WAIT).until(() -> results(sent).size() == sent.size());
        Map<String, Long> answers = probe.on(Topics.CLASSIFICATION_RESULTS).stream().filter(r -> sent.contains(r.key()))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertEquals(Set.of(1L), Set.copyOf(answers.values()), "every request answered exactly once");
        assertEquals(List.of(), deadLetters(sent));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure().kafkaBootstrapServers()))) {
            await().atMost(WAIT).untilAsserted(() -> assertEquals(endOffsets(admin), committedOffsets(admin),
                    "the predictors' committed offsets reach the end of the request topic"));
        }
    }

    @Test
    void aPredictorStoppedMidBurstLeavesNoRequestUnanswered() {
        Map<String, Object> props = new HashMap<>(infrastructure().serviceProperties());
        props.put("micronaut.server.port", "-1");
        Set<String> sent = new HashSet<>();
        try (ApplicationContext second = predictorWith(props)) {
            await().atMost(WAIT).until(() -> second.getBean(ModelSwapper.class).currentId() != null);
            // the request topic's partitions now split between the two
            ConsumerGroups.awaitMembers(infrastructure().kafkaBootstrapServers(), "predictors", 2, WAIT);
            Random random = new Random(5);
            for (int i = 0; i < 3000; i++) {
                String id = "stopped-" + i + "-" + UUID.randomUUID();
                sent.add(id);
                request(id, randomCifar(random));
            }
            producer.flush();
            await().atMost(WAIT).until(() -> results(sent).size() >= 300);
        } // stopped with requests in flight: what it had not committed goes back to the first predictor
        await().atMost(WAIT).until(() -> results(sent).size() == sent.size());
        assertEquals(List.of(), deadLetters(sent), "no request was dead-lettered");
    }

    @Test
    void aStoppingPredictorAnswersHttpWithServiceUnavailableAndTheReason() {
        Map<String, Object> props = new HashMap<>(infrastructure().serviceProperties());
        props.put("micronaut.server.port", "-1");
        try (ApplicationContext second = predictorWith(props)) {
            await().atMost(WAIT).until(() -> second.getBean(ModelSwapper.class).currentId() != null);
            EmbeddedServer secondServer = second.getBean(EmbeddedServer.class).start();
            try (HttpClient secondHttp = HttpClient.create(secondServer.getURL())) {
                second.getBean(Classifier.class).stop(); // what shutdown does first
                HttpClientResponseException stopping = assertThrows(HttpClientResponseException.class,
                        () -> secondHttp.toBlocking().exchange(HttpRequest.POST("/predict", new byte[3072])
                                .contentType(MediaType.APPLICATION_OCTET_STREAM_TYPE), String.class));
                assertEquals(HttpStatus.SERVICE_UNAVAILABLE, stopping.getStatus());
                assertTrue(stopping.getResponse().getBody(String.class).orElse("").contains("shutting down"));
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<TopicPartition, Long> committedOffsets(Admin admin) throws Exception {
        return admin.listConsumerGroupOffsets("predictors").partitionsToOffsetAndMetadata().get().entrySet().stream()
                .filter(e -> e.getKey().topic().equals(Topics.CLASSIFICATION_REQUESTS))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        int partitions = admin.describeTopics(List.of(Topics.CLASSIFICATION_REQUESTS)).allTopicNames().get()
                .get(Topics.CLASSIFICATION_REQUESTS).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(Topics.CLASSIFICATION_REQUESTS, p), OffsetSpec.latest());
        }
        return admin.listOffsets(latest).all().get().entrySet().stream().filter(e -> e.getValue().offset() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Test
    void garbageEmptyAndHugeRequestsGoToTheDeadLetterTopicAndServingGoesOn() {
        String garbage = "garbage-" + UUID.randomUUID();
        String empty = "empty-" + UUID.randomUUID();
        String huge = "huge-" + UUID.randomUUID();
        String good = "good-" + UUID.randomUUID();
        byte[] garbageBytes = "this is not an image at all".getBytes(StandardCharsets.UTF_8);
        request(garbage, garbageBytes);
        request(empty, new byte[0]);
        request(huge, new byte[50 * 1024 * 1024]);
        request(good, randomCifar(new Random(2)));
        Set<String> ids = Set.of(garbage, empty, huge, good);
        await().atMost(WAIT).until(() -> deadLetters(ids).size() == 3 && results(ids).size() == 1);
        Map<String, String> reasons = deadLetters(ids).stream().collect(Collectors.toMap(ConsumerRecord::key,
                r -> new String(r.headers().lastHeader(Topics.HEADER_DLQ_REASON).value(), StandardCharsets.UTF_8)));
        assertTrue(reasons.get(garbage).contains("not a PNG or JPEG"), reasons.get(garbage));
        assertTrue(reasons.get(empty).contains("empty message"), reasons.get(empty));
        assertTrue(reasons.get(huge).contains("exceeds"), reasons.get(huge));
        assertArrayEquals(garbageBytes, deadLetters(Set.of(garbage)).get(0).value());
        assertTrue(results(ids).containsKey(good));
    }

    @Test
    void aPixelFloodImageIsRefusedFromItsHeaderOverKafkaAndHttpAndServingGoesOn() {
        byte[] flood = HostileImages.pixelFloodPng(20_000, 20_000);
        String flooded = "flood-" + UUID.randomUUID();
        String good = "good-" + UUID.randomUUID();
        request(flooded, flood);
        request(good, randomCifar(new Random(3)));
        Set<String> ids = Set.of(flooded, good);
        await().atMost(WAIT).until(() -> deadLetters(ids).size() == 1 && results(ids).size() == 1);
        String reason = new String(deadLetters(ids).get(0).headers().lastHeader(Topics.HEADER_DLQ_REASON).value(),
                StandardCharsets.UTF_8);
        assertTrue(reason.contains("image of 20000x20000 pixels exceeds the 36000000-pixel limit"), reason);
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/predict", flood)
                        .contentType(MediaType.APPLICATION_OCTET_STREAM_TYPE), String.class));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        assertTrue(refused.getResponse().getBody(String.class).orElse("").contains("20000x20000"));
    }

    @Test
    void aRequestAsLargeAsItsTopicAllowsIsDeadLetteredByReferenceNotCopied() {
        String largest = "largest-" + UUID.randomUUID();
        String good = "good-" + UUID.randomUUID();
        int size = Topics.MAX_MESSAGE_BYTES - 16 * 1024;
        request(largest, new byte[size]);
        request(good, randomCifar(new Random(4)));
        Set<String> ids = Set.of(largest, good);
        await().atMost(WAIT).until(() -> deadLetters(ids).size() == 1 && results(ids).size() == 1);
        ConsumerRecord<String, byte[]> letter = deadLetters(ids).get(0);
        assertEquals(0, letter.value().length, "no room for a copy beside the headers");
        assertEquals(String.valueOf(size), new String(letter.headers().lastHeader(Topics.HEADER_DLQ_ORIGINAL_BYTES)
                .value(), StandardCharsets.UTF_8));
        String reason = new String(letter.headers().lastHeader(Topics.HEADER_DLQ_REASON).value(),
                StandardCharsets.UTF_8);
        assertTrue(reason.contains("exceeds") && reason.contains("bytes are not copied"), reason);
    }

    @Test
    void aCheckpointEventNamingAnotherRunsObjectsIsRefusedBeforeItCanOutrankTheServedOne() throws IOException {
        ModelSwapper swapper = predictor.getBean(ModelSwapper.class);
        String before = swapper.currentId();
        Counter refused = predictor.getBean(MeterRegistry.class).find("predictor.checkpoints.refused").counter();
        double refusedBefore = refused.count();
        CheckpointPublished real = checkpoint(1);
        String run = "rollback-" + UUID.randomUUID();
        CheckpointPublished borrowing = new CheckpointPublished(SchemaVersion.CURRENT, run + "/1", run, run,
                real.datasetId(), 1, real.step(), real.bucket(), real.paramsKey(), real.sidecarKey(), real.sha256(),
                real.variant(), real.classes(), real.inputSize(), real.trainLoss(), real.trainAccuracy(),
                Instant.now());
        producer.send(new ProducerRecord<>(Topics.CHECKPOINTS, run, json.writeValueAsBytes(borrowing)));
        await().atMost(WAIT).until(() -> refused.count() > refusedBefore);
        assertEquals(before, swapper.currentId(), "the older weights under a new name are not served");
    }

    @Test
    void aCheckpointThatFailsToLoadLeavesTheCurrentModelServing() throws IOException {
        ModelSwapper swapper = predictor.getBean(ModelSwapper.class);
        String before = swapper.currentId();
        String broken = "broken-" + UUID.randomUUID();
        CheckpointPublished copy = copied(2, broken);
        predictor.getBean(ObjectStore.class).put(copy.bucket(), copy.paramsKey(), new byte[] {1, 2, 3},
                "application/octet-stream"); // its parameters no longer match the sidecar's hash
        producer.send(new ProducerRecord<>(Topics.CHECKPOINTS, broken, json.writeValueAsBytes(copy)));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> before.equals(swapper.currentId()));
        String id = "after-broken-" + UUID.randomUUID();
        request(id, randomCifar(new Random(3)));
        await().atMost(WAIT).until(() -> results(Set.of(id)).containsKey(id));
        assertEquals(before, results(Set.of(id)).get(id).modelId());
    }

    @Test
    @Order(Integer.MAX_VALUE) // its checkpoint, the newest in S3, is what every predictor started after it serves
    void aPredictorServesTheNewestCheckpointInS3EvenWhenNoEventAnnouncesIt() throws Exception {
        String run = "unannounced-" + UUID.randomUUID();
        copied(2, run); // stored, never announced
        try (ApplicationContext fresh = predictorWith(new HashMap<>(infrastructure().serviceProperties()))) {
            ModelSwapper swapper = fresh.getBean(ModelSwapper.class);
            await().atMost(WAIT).until(() -> (run + "/2").equals(swapper.currentId()));
        }
    }

    @Test
    void bestPolicyServesTheCheckpointWithTheBestEvaluationNotTheNewest() throws IOException {
        for (int epoch = 1; epoch <= 2; epoch++) {
            double top1 = epoch == 1 ? 0.9 : 0.5; // the older checkpoint evaluated better
            CheckpointEvaluated evaluation = new CheckpointEvaluated(SchemaVersion.CURRENT, runId + "/" + epoch, runId,
                    epoch, EvaluationOutcome.SCORED, null, 200, top1, 1.0, 1.0, List.of(), List.of(), false, 1.0,
                    Instant.now(), false);
            producer.send(new ProducerRecord<>(Topics.EVALUATIONS, runId, json.writeValueAsBytes(evaluation)));
        }
        producer.flush();
        Map<String, Object> props = new HashMap<>(infrastructure().serviceProperties());
        props.put("predictor.policy", "best");
        try (ApplicationContext best = predictorWith(props)) {
            ModelSwapper swapper = best.getBean(ModelSwapper.class);
            await().atMost(WAIT).until(() -> (runId + "/1").equals(swapper.currentId()));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> (runId + "/1").equals(swapper.currentId()));
        }
    }

    @Test
    void testTimeFlipsGiveAnImageAndItsMirrorTheSameProbabilities() {
        byte[] image = randomCifar(new Random(8));
        byte[] mirror = mirrored(image);
        assertNotEquals(probabilities(http, image), probabilities(http, mirror), "without flips they differ");
        Map<String, Object> props = new HashMap<>(infrastructure().serviceProperties());
        props.put("micronaut.server.port", "-1");
        props.put("predictor.test-time-flips", "true");
        try (ApplicationContext flipping = predictorWith(props);
                HttpClient client = HttpClient.create(flipping.getBean(EmbeddedServer.class).start().getURL())) {
            String served = predictor.getBean(ModelSwapper.class).currentId();
            await().atMost(WAIT).until(() -> served.equals(flipping.getBean(ModelSwapper.class).currentId()));
            Map<Integer, Double> plain = probabilities(client, image);
            Map<Integer, Double> flipped = probabilities(client, mirror);
            assertEquals(plain.keySet(), flipped.keySet(), "the same top classes");
            plain.forEach((c, p) -> assertEquals(p, flipped.get(c), 1e-5, "class " + c));
            assertEquals(Boolean.TRUE, client.toBlocking().retrieve("/model", Map.class).get("testTimeFlips"));
        }
    }

    private static Map<Integer, Double> probabilities(HttpClient client, byte[] image) {
        ImageClassified result = client.toBlocking().retrieve(HttpRequest.POST("/predict", image)
                .contentType(MediaType.APPLICATION_OCTET_STREAM_TYPE), ImageClassified.class);
        return result.top().stream().collect(Collectors.toMap(ClassPrediction::label, ClassPrediction::probability));
    }

    /** A raw CIFAR image (3 x 32 x 32 bytes) mirrored left to right. */
    private static byte[] mirrored(byte[] chw) {
        byte[] out = new byte[chw.length];
        for (int row = 0; row < 3 * 32; row++) {
            for (int x = 0; x < 32; x++) {
                out[row * 32 + x] = chw[row * 32 + 31 - x];
            }
        }
        return out;
    }

    @Test
    void classifiesOverHttpAndShowsThePageAndTheTutorialsGrid() throws IOException {
        BufferedImage picture = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(3, 4, 0xff0000);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", png);
        ImageClassified result = http.toBlocking().retrieve(HttpRequest.POST("/predict", png.toByteArray())
                .contentType(MediaType.APPLICATION_OCTET_STREAM_TYPE), ImageClassified.class);
        assertEquals(5, result.top().size());
        assertNotNull(result.modelId());
        HttpClientResponseException bad = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/predict", "nope".getBytes(StandardCharsets.UTF_8))
                        .contentType(MediaType.APPLICATION_OCTET_STREAM_TYPE), String.class));
        assertEquals(HttpStatus.BAD_REQUEST, bad.getStatus());
        String page = http.toBlocking().retrieve("/");
        assertTrue(page.contains("Serving checkpoint")
                && page.contains(predictor.getBean(ModelSwapper.class).currentId()));
        HttpResponse<byte[]> grid = http.toBlocking().exchange("/grid.png", byte[].class);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(grid.body()));
        assertEquals(8 * (128 + 8) + 8, image.getWidth(), "8 columns of 128-px images");
        assertEquals(4 * (128 + 16 + 8) + 8, image.getHeight(), "4 rows: 32 images");
        String metrics = http.toBlocking().retrieve("/prometheus");
        for (String name : List.of("predictor_requests_total", "predictor_failures_total",
                "predictor_dead_letters_total", "predictor_batch_size", "predictor_queue_time_seconds",
                "predictor_inference_time_seconds", "predictor_latency_seconds", "predictor_model_version")) {
            assertTrue(metrics.contains(name), name + " missing from /prometheus");
        }
        String health = http.toBlocking().retrieve("/health");
        assertTrue(health.contains("\"model\""), health);
    }
}
