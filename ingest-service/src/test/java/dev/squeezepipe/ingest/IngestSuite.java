package dev.squeezepipe.ingest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.squeezepipe.data.DatasetFormat;
import dev.squeezepipe.data.DatasetReaders;
import dev.squeezepipe.data.Split;
import dev.squeezepipe.events.DatasetReady;
import dev.squeezepipe.events.DatasetShardAnnounced;
import dev.squeezepipe.events.IngestFailed;
import dev.squeezepipe.service.ObjectStore;
import dev.squeezepipe.storage.Hashing;
import dev.squeezepipe.storage.Npz;
import dev.squeezepipe.testing.CifarFixtures;
import dev.squeezepipe.testing.Infrastructure;
import dev.squeezepipe.testing.KafkaProbe;
import dev.squeezepipe.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The ingest service end to end over a real Kafka broker and a real S3 server; subclasses choose which.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IngestSuite implements TestPropertyProvider {

    private static final Duration EVENTS = Duration.ofSeconds(60);

    @Inject
    IngestService service;

    @Inject
    ObjectStore store;

    @Inject
    JsonMapper json;

    @Inject
    @Client("/")
    HttpClient http;

    private KafkaProbe probe;

    abstract Infrastructure infrastructure();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(infrastructure().serviceProperties());
        props.put("micronaut.server.port", "-1");
        // POST /ingest reads only under here: the shared archive's folder
        props.put("ingest.roots", CifarFixtures.sharedArchive().toAbsolutePath().getParent().toString());
        return props;
    }

    private KafkaProbe probe() {
        if (probe == null) {
            probe = new KafkaProbe(infrastructure().kafkaBootstrapServers(), Topics.DATASET_SHARDS,
                    Topics.DATASET_READY, Topics.INGEST_FAILED);
        }
        return probe;
    }

    @AfterAll
    void closeProbe() {
        if (probe != null) {
            probe.close();
        }
    }

    /** An ingest service of its own with {@code props}. */
    private static ApplicationContext ingestWith(Map<String, Object> props) {
        return ApplicationContext.builder().environments("ingest").properties(props).start();
    }

    private <T> List<T> events(String topic, Class<T> type, String key) {
        return probe().on(topic).stream().filter(r -> key.equals(r.key())).map(r -> read(r, type)).toList();
    }

    private <T> T read(ConsumerRecord<String, byte[]> record, Class<T> type) {
        try {
            return json.readValue(record.value(), type);
        } catch (IOException e) {
            throw new AssertionError("unreadable event on " + record.topic(), e);
        }
    }

    @Test
    void ingestsSliceWhoseShardsEqualTheReaderAndReingestsWithoutNewObjects() throws Exception {
        IngestRequest request = new IngestRequest(CifarFixtures.sharedArchive().toString(), null, 1000, 250, null);
        IngestStatus status = service.ingestNow(request);
        assertEquals(IngestState.COMPLETED, status.state(), status.reason());
        assertEquals(2000, status.images());
        String datasetId = status.datasetId();

        await().atMost(EVENTS).until(() -> events(Topics.DATASET_READY, DatasetReady.class, datasetId).size() == 2);
        List<DatasetShardAnnounced> shards = events(Topics.DATASET_SHARDS, DatasetShardAnnounced.class, datasetId);
        assertEquals(8, shards.size(), "1,000 images per split in shards of 250");
        for (Split split : Split.values()) {
            assertShardsEqualReader(datasetId, split,
                    shards.stream().filter(s -> s.split().equals(split.id())).toList());
        }
        assertTrue(shards.stream().allMatch(s -> s.splitImages() == null), "a pickled split is sized only once read");

        List<String> before = store.list("datasets", datasetId + "/");
        assertEquals(10, before.size(), "8 shards and 2 manifests");
        IngestStatus again = service.ingestNow(request);
        assertEquals(IngestState.COMPLETED, again.state(), again.reason());
        assertEquals(datasetId, again.datasetId(), "same data, same dataset id");
        assertEquals(before, store.list("datasets", datasetId + "/"), "a second ingest adds no objects");
    }

    private void assertShardsEqualReader(String datasetId, Split split, List<DatasetShardAnnounced> shards)
            throws IOException {
        byte[] expectedPixels = new byte[1000 * 3072];
        int[] expectedLabels = new int[1000];
        int[] filled = {0};
        DatasetReaders.open(CifarFixtures.sharedArchive(), DatasetFormat.AUTO, 32).read(split, batch -> {
            int take = Math.min(batch.count(), 1000 - filled[0]);
            System.arraycopy(batch.pixels(), 0, expectedPixels, filled[0] * 3072, take * 3072);
            System.arraycopy(batch.labels(), 0, expectedLabels, filled[0], take);
            filled[0] += take;
        });
        for (DatasetShardAnnounced shard : shards) {
            byte[] bytes = store.get(shard.bucket(), shard.objectKey());
            assertEquals(shard.sha256(), Hashing.sha256Hex(bytes), "sha256 of " + shard.objectKey());
            assertTrue(shard.objectKey().contains(shard.sha256().substring(0, 16)), "content-addressed key");
            Map<String, Npz.Array> arrays = Npz.read(bytes);
            int first = (int) shard.firstImage();
            assertArrayEquals(new int[] {250, 3, 32, 32}, arrays.get("images").shape());
            assertArrayEquals(Arrays.copyOfRange(expectedPixels, first * 3072, (first + 250) * 3072),
                    arrays.get("images").data(), datasetId + " " + split + " shard " + shard.shardIndex());
            byte[] labels = arrays.get("labels").data();
            for (int i = 0; i < 250; i++) {
                assertEquals(expectedLabels[first + i], labels[i], "label of image " + (first + i));
            }
        }
    }

    @Test
    void failsMissingPathWithErrorEventAndKeepsServing() throws Exception {
        IngestStatus status = service.ingestNow(IngestRequest.of("/nowhere/cifar.tar.gz"));
        assertFailedWith(status, "/nowhere/cifar.tar.gz: no such file or folder");
        assertServiceStillIngests();
    }

    @Test
    void failsCorruptArchiveWithoutReadyEvent() throws Exception {
        Path dir = Files.createTempDirectory("corrupt");
        CifarFixtures.writePythonRelease(dir, 20);
        Path archive = CifarFixtures.tarGz(dir.resolve("cifar-10-batches-py"), List.of("data_batch_1", "data_batch_2",
                "data_batch_3", "data_batch_4", "data_batch_5", "test_batch"), dir.resolve("cut.tar.gz"));
        byte[] bytes = Files.readAllBytes(archive);
        Files.write(archive, Arrays.copyOf(bytes, bytes.length / 2));
        IngestStatus status = service.ingestNow(new IngestRequest(archive.toString(), null, null, 10, null));
        assertFailedWith(status, "truncated archive");
        assertEquals(List.of(), events(Topics.DATASET_READY, DatasetReady.class, status.datasetId()),
                "a failed ingest never announces its dataset ready");
    }

    @Test
    void failsWrongFormatNamingTheFile() throws Exception {
        Path dir = CifarFixtures.writePythonRelease(Files.createTempDirectory("wrong"), 5);
        IngestStatus status = service.ingestNow(new IngestRequest(dir.toString(), "binary", null, null, null));
        assertFailedWith(status, "missing batch file data_batch_1.bin");
        Path text = Files.writeString(Files.createTempFile("notes", ".tar.gz"), "plain text");
        assertFailedWith(service.ingestNow(IngestRequest.of(text.toString())), "not a gzip archive");
    }

    @Test
    void announcesTheSplitSizeWithEveryShardWhenTheSourceIsCountedBeforeReading() throws Exception {
        Path dir = CifarFixtures.writeBinaryRelease(Files.createTempDirectory("sized"), 40);
        IngestStatus status = service.ingestNow(new IngestRequest(dir.toString(), null, 150, 50, null));
        assertEquals(IngestState.COMPLETED, status.state(), status.reason());
        await().atMost(EVENTS)
                .until(() -> events(Topics.DATASET_READY, DatasetReady.class, status.datasetId()).size() == 2);
        List<DatasetShardAnnounced> shards =
                events(Topics.DATASET_SHARDS, DatasetShardAnnounced.class, status.datasetId());
        Map<String, List<Long>> sizes = new HashMap<>();
        shards.forEach(s -> sizes.computeIfAbsent(s.split(), k -> new java.util.ArrayList<>()).add(s.splitImages()));
        assertEquals(Map.of("train", List.of(150L, 150L, 150L), "test", List.of(40L)), sizes,
                "200 binary train records capped at the limit of 150, and 40 test records, in shards of 50");
    }

    @Test
    void badFileMidwayAnnouncesNoReadyAndRerunCompletesOnceFixed() throws Exception {
        Path dir = CifarFixtures.writePythonRelease(Files.createTempDirectory("midway"), 30);
        Path testBatch = dir.resolve("cifar-10-batches-py/test_batch");
        byte[] good = Files.readAllBytes(testBatch);
        Files.write(testBatch, Arrays.copyOf(good, 100));
        IngestStatus failed = service.ingestNow(new IngestRequest(dir.toString(), null, null, 50, null));
        assertFailedWith(failed, "test_batch");
        assertEquals(3, failed.shards(), "the train split was stored before the test batch failed");
        Files.write(testBatch, good);
        IngestStatus done = service.ingestNow(new IngestRequest(dir.toString(), null, null, 50, null));
        assertEquals(IngestState.COMPLETED, done.state(), done.reason());
        await().atMost(EVENTS)
                .until(() -> events(Topics.DATASET_READY, DatasetReady.class, done.datasetId()).size() == 2);
        assertEquals(List.of(), events(Topics.DATASET_READY, DatasetReady.class, failed.datasetId()));
    }

    @Test
    void ingestStoppedHalfwayIsNeverReadyAndTheSameDataRerunCompletesIt() throws Exception {
        Map<String, Object> props = new HashMap<>(infrastructure().serviceProperties());
        IngestRequest whole = IngestRequest.of(CifarFixtures.sharedArchive().toString());
        String datasetId;
        try (ApplicationContext first = ingestWith(props)) {
            IngestService crashing = first.getBean(IngestService.class);
            String id = crashing.submit(whole).ingestId();
            await().atMost(EVENTS).pollInterval(Duration.ofMillis(10))
                    .until(() -> crashing.status(id).map(IngestStatus::shards).orElse(0) >= 5);
            datasetId = crashing.status(id).orElseThrow().datasetId();
        } // the service stops mid-ingest: its worker is interrupted, as in a crash
        assertEquals(List.of(), events(Topics.DATASET_READY, DatasetReady.class, datasetId),
                "never ready when stopped");
        try (ApplicationContext second = ingestWith(props)) {
            IngestStatus done = second.getBean(IngestService.class).ingestNow(whole);
            assertEquals(IngestState.COMPLETED, done.state(), done.reason());
            assertEquals(datasetId, done.datasetId(), "the same data keeps its dataset id");
            assertEquals(60_000, done.images());
            double reused = second.getBean(MeterRegistry.class).find("ingest.shards").tag("outcome", "reused")
                    .counters().stream().mapToDouble(c -> c.count()).sum();
            assertTrue(reused >= 5, "the rerun reuses the shards stored before the stop: " + reused);
        }
        await().atMost(EVENTS).until(() -> events(Topics.DATASET_READY, DatasetReady.class, datasetId).size() == 2);
        assertEquals(62, store.list("datasets", datasetId + "/").size(), "60 shards and 2 manifests, no duplicates");
    }

    @Test
    void servesIngestsOverHttp() {
        Path archive = CifarFixtures.sharedArchive();
        HttpResponse<IngestStatus> accepted = http.toBlocking().exchange(
                HttpRequest.POST("/ingest", new IngestRequest(archive.toString(), null, 300, 100, null)),
                IngestStatus.class);
        assertEquals(HttpStatus.ACCEPTED, accepted.status());
        String id = accepted.body().ingestId();
        await().atMost(EVENTS).until(() -> IngestState.COMPLETED ==
                http.toBlocking().retrieve("/ingest/" + id, IngestStatus.class).state());
        HttpClientResponseException missing = assertThrows(
                HttpClientResponseException.class,
                () -> http.toBlocking().retrieve("/ingest/nope", IngestStatus.class));
        assertEquals(HttpStatus.NOT_FOUND, missing.getStatus());
    }

    @Test
    void refusesAnIngestThatCannotStartWithBadRequestAndTheReason() {
        String archive = CifarFixtures.sharedArchive().toString();
        assertRefused(new IngestRequest(archive, "parquet", null, null, null), "unknown dataset format 'parquet'");
        assertRefused(new IngestRequest(archive, null, null, 0, null), "shard size and image size must be positive");
        assertRefused(new IngestRequest(archive, null, null, 1000, 600), "exceeds the limits: images of at most 512");
        assertRefused(new IngestRequest(archive, null, null, 100_000, 64), "shards of at most 268435456 bytes");
    }

    @Test
    void refusesEveryPathOutsideTheDataRootsWithOneAnswerThatRevealsNothing() {
        String root = CifarFixtures.sharedArchive().toAbsolutePath().getParent().toString();
        for (String path : List.of("/nowhere/cifar.tar.gz", "/etc/passwd", "/dev/zero", "/", root + "/../../etc",
                root + "/missing.tar.gz", "")) {
            assertRefused(IngestRequest.of(path), DataRoots.REFUSED);
        }
    }

    @Test
    void aFullIngestQueueAnswersTooManyRequestsAndTheQueuedOnesStillRun() {
        IngestRequest small = new IngestRequest(CifarFixtures.sharedArchive().toString(), null, 50, 50, null);
        List<String> accepted = new ArrayList<>();
        HttpClientResponseException full = null;
        for (int i = 0; i < IngestService.MAX_QUEUED + 2 && full == null; i++) {
            try {
                accepted.add(http.toBlocking().retrieve(HttpRequest.POST("/ingest", small), IngestStatus.class)
                        .ingestId());
            } catch (HttpClientResponseException e) {
                full = e;
            }
        }
        assertNotNull(full, "one running and " + IngestService.MAX_QUEUED + " waiting, then refused");
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, full.getStatus());
        assertTrue(full.getResponse().getBody(String.class).orElse("").contains("the ingest queue is full"));
        await().atMost(EVENTS).until(() -> accepted.stream().allMatch(id -> IngestState.COMPLETED
                == http.toBlocking().retrieve("/ingest/" + id, IngestStatus.class).state()));
    }

    private void assertRefused(IngestRequest request, String reason) {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/ingest", request), IngestStatus.class));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        String body = refused.getResponse().getBody(String.class).orElse("");
        assertTrue(body.contains(reason), "the 400 names the reason '" + reason + "': " + body);
    }

    @Test
    void reportsKafkaAndS3HealthAndExportsMetrics() {
        String health = http.toBlocking().retrieve("/health");
        assertTrue(health.contains("\"status\":\"UP\""), health);
        assertTrue(health.contains("\"s3\"") && health.contains("\"kafka\""), health);
        service.ingestNow(new IngestRequest(CifarFixtures.sharedArchive().toString(), null, 100, 100, null));
        String metrics = http.toBlocking().retrieve("/prometheus");
        for (String name : List.of("ingest_images_total", "ingest_bytes_total", "ingest_shards_total",
                "ingest_errors_total", "ingest_duration_seconds")) {
            assertTrue(metrics.contains(name), name + " missing from /prometheus");
        }
    }

    private void assertFailedWith(IngestStatus status, String reasonPart) {
        assertEquals(IngestState.FAILED, status.state());
        assertTrue(status.reason().contains(reasonPart), status.reason() + " should mention " + reasonPart);
        await().atMost(EVENTS).until(() -> events(Topics.INGEST_FAILED, IngestFailed.class, status.ingestId()).stream()
                .anyMatch(e -> e.reason().contains(reasonPart)));
    }

    private void assertServiceStillIngests() throws IOException {
        Path dir = CifarFixtures.writeBinaryRelease(Files.createTempDirectory("after"), 4);
        IngestStatus status = service.ingestNow(IngestRequest.of(dir.toString()));
        assertEquals(IngestState.COMPLETED, status.state(), status.reason());
        assertEquals(24, status.images());
    }
}
