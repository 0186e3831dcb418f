package dev.squeezepipe.trainer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.squeezepipe.events.CheckpointEvaluated;
import dev.squeezepipe.events.CheckpointPublished;
import dev.squeezepipe.events.DatasetShardAnnounced;
import dev.squeezepipe.events.EvaluationOutcome;
import dev.squeezepipe.events.JobState;
import dev.squeezepipe.events.TrainingJobStatusChanged;
import dev.squeezepipe.events.TrainingJobSubmitted;
import dev.squeezepipe.ingest.IngestRequest;
import dev.squeezepipe.ingest.IngestService;
import dev.squeezepipe.ingest.IngestState;
import dev.squeezepipe.ingest.IngestStatus;
import dev.squeezepipe.schema.SchemaVersion;
import dev.squeezepipe.service.ObjectStore;
import dev.squeezepipe.service.ShardCache;
import dev.squeezepipe.spec.DecayMode;
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
import dev.squeezepipe.storage.Hashing;
import dev.squeezepipe.storage.ObjectLayout;
import dev.squeezepipe.storage.RunLease;
import dev.squeezepipe.testing.CifarFixtures;
import dev.squeezepipe.testing.ConsumerGroups;
import dev.squeezepipe.testing.Infrastructure;
import dev.squeezepipe.testing.KafkaProbe;
import dev.squeezepipe.topics.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Mono;

/** Trainers end to end over a real Kafka broker and a real S3 server, on data stored by the real ingest service. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TrainerSuite {

    private static final Duration JOB = Duration.ofMinutes(4);
    private static final Network CIFAR = Network.cifar10("cifar", 32);

    private final List<ApplicationContext> trainers = new ArrayList<>();
    private ApplicationContext ingest;
    private KafkaProbe probe;
    private String datasetId;
    private JsonMapper json;

    abstract Infrastructure infrastructure();

    private Map<String, Object> properties(String trainerId) {
        Map<String, Object> props = new HashMap<>(infrastructure().serviceProperties());
        props.put("trainer.instance-id", trainerId);
        props.put("trainer.dataset-wait", "3s");
        props.put("trainer.log-every", "5");
        props.put("micronaut.server.port", "-1");
        return props;
    }

    @BeforeAll
    void ingestSmallDataset() {
        ingest = ApplicationContext.builder().environments("ingest").properties(properties("ingest")).start();
        json = ingest.getBean(JsonMapper.class);
        IngestStatus status = ingest.getBean(IngestService.class)
                .ingestNow(new IngestRequest(CifarFixtures.sharedArchive().toString(), null, 400, 100, null));
        assertEquals(IngestState.COMPLETED, status.state(), status.reason());
        datasetId = status.datasetId();
        probe = new KafkaProbe(infrastructure().kafkaBootstrapServers(), Topics.TRAINING_JOB_STATUS, Topics.CHECKPOINTS,
                Topics.TRAINING_JOBS_DLQ, Topics.DATASET_SHARDS);
    }

    @AfterEach
    void stopTrainers() {
        trainers.forEach(ApplicationContext::close);
        trainers.clear();
    }

    @AfterAll
    void stopIngest() {
        probe.close();
        ingest.close();
    }

    private ApplicationContext trainer(String id) {
        ApplicationContext context =
                ApplicationContext.builder().environments("trainer").properties(properties(id)).start();
        trainers.add(context);
        return context;
    }

    private TrainingJobSpec tinySpec(String dataset, int epochs, int images, double lrMax) {
        return new TrainingJobSpec(new Data(dataset, images, null), CIFAR, Optimisation.sgd(32, 1e-4),
                new Schedule(DecayMode.LINEAR, 0, lrMax, 0, 0, 0), Augmentation.NONE, Budget.epochs(epochs),
                new Checkpoints(1, 2), 7);
    }

    private String submit(TrainingJobSpec spec) {
        String jobId = "job-" + UUID.randomUUID();
        send(jobId, bytes(new TrainingJobSubmitted(SchemaVersion.CURRENT, jobId, spec, Instant.now())));
        return jobId;
    }

    private void send(String key, byte[] value) {
        send(Topics.TRAINING_JOBS, key, value);
    }

    private void send(String topic, String key, byte[] value) {
        Map<String, Object> props = Map.of("bootstrap.servers", infrastructure().kafkaBootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value));
        }
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private <T> List<T> events(String topic, Class<T> type, String key) {
        return probe.values(topic, key, value -> json.readValue(value, type));
    }

    private List<TrainingJobStatusChanged> statuses(String jobId) {
        return events(Topics.TRAINING_JOB_STATUS, TrainingJobStatusChanged.class, jobId);
    }

    private TrainingJobStatusChanged awaitFinal(String jobId) {
        await().atMost(JOB).until(() -> statuses(jobId).stream()
                .anyMatch(s -> s.state().isFinal()));
        return statuses(jobId).stream().filter(s -> s.state().isFinal())
                .findFirst().orElseThrow();
    }

    @Test
    void aTrainerReportsItsJobLoopUpOnceItPolls() {
        ApplicationContext trainer = trainer("t-health");
        JobsHealthIndicator jobs = trainer.getBean(JobsHealthIndicator.class);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Mono.from(jobs.getResult()).block().getStatus() == HealthStatus.UP);
        HealthResult result = Mono.from(jobs.getResult()).block();
        assertEquals("jobs", result.getName());
        assertTrue(((Map<?, ?>) result.getDetails()).containsKey("lastPollSecondsAgo"), result.getDetails().toString());
    }

    @Test
    void pruningKeepsTheCheckpointTheRunsBestEvaluationNames() throws IOException {
        ApplicationContext trainer = trainer("t-prune");
        String jobId = "job-" + UUID.randomUUID();
        CheckpointEvaluated best = new CheckpointEvaluated(SchemaVersion.CURRENT, jobId + "/1", jobId, 1,
                EvaluationOutcome.SCORED, null, 100, 0.9, 1.0, 0.5, List.of(), List.of(), true, 1.0, Instant.now(),
                false);
        ObjectStore store = trainer.getBean(ObjectStore.class);
        store.ensureBucket("evaluations");
        store.put("evaluations", ObjectLayout.bestEvaluationKey(jobId), json.writeValueAsBytes(best),
                "application/json");
        send(jobId, bytes(new TrainingJobSubmitted(SchemaVersion.CURRENT, jobId, tinySpec(datasetId, 4, 96, 0.01),
                Instant.now())));
        assertEquals(JobState.COMPLETED, awaitFinal(jobId).state());
        List<String> sidecars = store.list("checkpoints", jobId + "/").stream()
                .filter(ObjectLayout::isCheckpointSidecarKey).toList();
        assertEquals(List.of(jobId + "/epoch-0001-step-00000003.json", jobId + "/epoch-0003-step-00000009.json",
                jobId + "/epoch-0004-step-00000012.json"), sidecars, "the newest 2 and the best");
    }

    @Test
    void tinyJobStoresCheckpointsWithEventsAndItsLossGoesDown() throws IOException {
        ApplicationContext trainer = trainer("t-tiny");
        String jobId = submit(tinySpec(datasetId, 4, 320, 0.01));
        TrainingJobStatusChanged done = awaitFinal(jobId);
        assertEquals(JobState.COMPLETED, done.state(), done.reason());
        List<CheckpointPublished> checkpoints = events(Topics.CHECKPOINTS, CheckpointPublished.class, jobId);
        assertEquals(List.of(1, 2, 3, 4), checkpoints.stream().map(CheckpointPublished::epoch).toList());
        assertTrue(checkpoints.get(3).trainLoss() < checkpoints.get(0).trainLoss(),
                "loss must fall: " + checkpoints.stream().map(CheckpointPublished::trainLoss).toList());
        assertEquals(40, checkpoints.get(3).step(), "4 epochs of 10 steps");
        ObjectStore store = trainer.getBean(ObjectStore.class);
        List<String> kept = store.list("checkpoints", jobId + "/");
        assertEquals(List.of(jobId + "/epoch-0003-step-00000030.json", jobId + "/epoch-0003-step-00000030.optimizer",
                jobId + "/epoch-0003-step-00000030.params", jobId + "/epoch-0004-step-00000040.json",
                jobId + "/epoch-0004-step-00000040.optimizer", jobId + "/epoch-0004-step-00000040.params",
                jobId + "/lease.json"), kept,
                "only the newest 2 checkpoints are kept, with their optimizer state, beside the run's lease");
        CheckpointSidecar sidecar = json.readValue(store.get("checkpoints", checkpoints.get(3).sidecarKey()),
                CheckpointSidecar.class);
        assertEquals(checkpoints.get(3).sha256(), sidecar.params().sha256());
        assertEquals(sidecar.optimizer().sha256(), Hashing.sha256Hex(store.get("checkpoints",
                sidecar.optimizer().key())),
                "the momentum buffers a resume continues from are stored and verifiable");
        assertEquals("cifar", sidecar.spec().network().variant());
        assertEquals(List.of(JobState.ACCEPTED, JobState.RUNNING),
                statuses(jobId).stream().map(TrainingJobStatusChanged::state)
                .distinct().limit(2).toList());
        assertShardsCachedInTemporaryFolder(trainer.getBean(ShardCache.class).directory());
    }

    private static void assertShardsCachedInTemporaryFolder(Path cache) throws IOException {
        assertEquals(Path.of(System.getProperty("java.io.tmpdir"), "squeezepipe-shards"), cache);
        try (Stream<Path> files = Files.list(cache)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".npz")), "verified shards in " + cache);
        }
    }

    @Test
    void budgetedJobFitsItsEpochsToTheTimeLeftAndStopsThere() throws IOException {
        ApplicationContext trainer = trainer("t-budget");
        // up to 40 epochs of 10 steps with one warmup epoch, in a budget of 6 seconds from the job's start
        TrainingJobSpec spec = new TrainingJobSpec(new Data(datasetId, 320, null), CIFAR, Optimisation.sgd(32, 1e-4),
                Schedule.linear(0.01, 1), Augmentation.NONE, new Budget(40, 0.1), new Checkpoints(1, 2), 7);
        String jobId = submit(spec);
        TrainingJobStatusChanged done = awaitFinal(jobId);
        assertEquals(JobState.COMPLETED, done.state(), done.reason());
        List<Integer> epochs = events(Topics.CHECKPOINTS, CheckpointPublished.class, jobId).stream()
                .map(CheckpointPublished::epoch).toList();
        int fitted = epochs.get(epochs.size() - 1);
        assertTrue(fitted >= 2 && fitted < 40, "the budget cut the run short of its 40 epochs: " + epochs);
        assertEquals(fitted, done.epoch());
        assertEquals(fitted, epochs.size(), "one checkpoint per epoch, none skipped: " + epochs);
        List<TrainingJobStatusChanged> statuses = statuses(jobId);
        assertEquals(40, statuses.get(0).epochs(), "accepted with the maximum: " + statuses);
        assertTrue(statuses.stream().filter(s -> s.epoch() > 0)
                .allMatch(s -> s.epochs() < 40 && s.epochs() >= s.epoch()),
                "every epoch's status counts the epochs fitted by then: " + statuses);
        assertEquals(fitted, done.epochs());
        CheckpointSidecar last = json.readValue(trainer.getBean(ObjectStore.class).get("checkpoints",
                events(Topics.CHECKPOINTS, CheckpointPublished.class, jobId).get(fitted - 1).sidecarKey()),
                CheckpointSidecar.class);
        assertEquals(fitted, last.spec().budget().epochs(), "the fitted count is stored for a resume");
        assertEquals(0.1, last.spec().budget().minutes());
        assertEquals(1, last.refits().get(0).epoch(), "first fitted at the end of the one warmup epoch");
        assertEquals(fitted, last.refits().get(last.refits().size() - 1).epochs(),
                "with every refit: " + last.refits());
    }

    @Test
    void resizedJobTrainsItsFirstEpochsOnSmallerImagesAndCheckpointsEveryEpoch() throws IOException {
        ApplicationContext trainer = trainer("t-resize");
        // two of the three epochs on images downscaled to 16x16, the last at the input size, 32x32
        TrainingJobSpec spec = new TrainingJobSpec(new Data(datasetId, 320, new LowResolution(16, 0.67)), CIFAR,
                Optimisation.sgd(32, 1e-4), Schedule.linear(0.01, 0), Augmentation.NONE, Budget.epochs(3),
                new Checkpoints(1, 3), 7);
        String jobId = submit(spec);
        TrainingJobStatusChanged done = awaitFinal(jobId);
        assertEquals(JobState.COMPLETED, done.state(), done.reason());
        List<CheckpointPublished> published = events(Topics.CHECKPOINTS, CheckpointPublished.class, jobId);
        assertEquals(List.of(1, 2, 3), published.stream().map(CheckpointPublished::epoch).toList());
        assertTrue(published.stream().allMatch(c -> c.inputSize() == 32 && Double.isFinite(c.trainLoss())),
                "every checkpoint serves the input size: " + published);
        CheckpointSidecar last = json.readValue(trainer.getBean(ObjectStore.class).get("checkpoints",
                published.get(2).sidecarKey()), CheckpointSidecar.class);
        assertEquals(new LowResolution(16, 0.67), last.spec().data().lowResolution(), "stored for a resume");
    }

    @Test
    void trainsTheFirstShardsBeforeTheLastIsAnnouncedWhenTheSplitSizeIsKnown() throws IOException {
        ApplicationContext trainer = trainer("t-early");
        List<DatasetShardAnnounced> stored = storedTrainShards();
        String streamed = "ds-arriving-" + UUID.randomUUID();
        announce(resized(stored.get(0), streamed));
        String jobId = submit(tinySpec(streamed, 2, 400, 0.01));
        await().atMost(JOB).until(() -> stepGauge(trainer, jobId) >= 3);
        assertEquals(List.of(), events(Topics.CHECKPOINTS, CheckpointPublished.class, jobId),
                "three steps on the first 100 images while the other 300 are not announced yet");
        stored.subList(1, stored.size()).forEach(shard -> announce(resized(shard, streamed)));
        TrainingJobStatusChanged done = awaitFinal(jobId);
        assertEquals(JobState.COMPLETED, done.state(), done.reason());
        assertEquals(List.of(13L, 26L), events(Topics.CHECKPOINTS, CheckpointPublished.class, jobId).stream()
                .map(CheckpointPublished::step).toList(), "two epochs of 400 images in batches of 32, planned ahead");
    }

    @Test
    void failsAJobWhoseAnnouncedSplitStopsArrivingNamingWhatCame() {
        trainer("t-stalled");
        String stalled = "ds-stalled-" + UUID.randomUUID();
        announce(resized(storedTrainShards().get(0), stalled));
        TrainingJobStatusChanged done = awaitFinal(submit(tinySpec(stalled, 1, 400, 0.01)));
        assertEquals(JobState.FAILED, done.state());
        assertTrue(done.reason().contains("dataset " + stalled + ": its train split was announced with 400 images, but"
                + " only 100 of the 400 to train on arrived and no shard came for 3 s"), done.reason());
    }

    /** The four train shards the suite's ingest stored, in order. */
    private List<DatasetShardAnnounced> storedTrainShards() {
        Callable<List<DatasetShardAnnounced>> train = () -> events(Topics.DATASET_SHARDS, DatasetShardAnnounced.class,
                datasetId).stream().filter(s -> s.split().equals("train"))
                .sorted(Comparator.comparingInt(DatasetShardAnnounced::shardIndex)).toList();
        return await().atMost(JOB).until(train, shards -> shards.size() == 4);
    }

    /** {@code shard} as announced by an ingest of {@code dataset} that knew its 400 train images up front. */
    private static DatasetShardAnnounced resized(DatasetShardAnnounced shard, String dataset) {
        return new DatasetShardAnnounced(SchemaVersion.CURRENT, dataset, shard.split(), shard.shardIndex(),
                shard.firstImage(), shard.bucket(),
                shard.objectKey(), shard.imageCount(), shard.shape(), shard.dtype(), shard.sha256(), shard.sizeBytes(),
                shard.preprocessing(), 400L);
    }

    private void announce(DatasetShardAnnounced shard) {
        send(Topics.DATASET_SHARDS, shard.datasetId(), bytes(shard));
    }

    private static double stepGauge(ApplicationContext trainer, String jobId) {
        Gauge gauge = trainer.getBean(MeterRegistry.class).find("trainer.step").tag("run", jobId).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    @Test
    void jobOfStoppedTrainerResumesFromItsCheckpointOnAnother() {
        ApplicationContext first = trainer("t-first");
        String jobId = submit(tinySpec(datasetId, 6, 320, 0.01));
        await().atMost(JOB).until(() -> !events(Topics.CHECKPOINTS, CheckpointPublished.class, jobId).isEmpty());
        first.close(); // the trainer goes away mid-job: no commit, its partitions return to the group
        trainer("t-second");
        TrainingJobStatusChanged done = awaitFinal(jobId);
        assertEquals(JobState.COMPLETED, done.state(), done.reason());
        assertEquals("t-second", done.trainer());
        assertEquals(2, done.attempt());
        List<CheckpointPublished> checkpoints = events(Topics.CHECKPOINTS, CheckpointPublished.class, jobId);
        Set<String> ids = checkpoints.stream().map(CheckpointPublished::checkpointId).collect(Collectors.toSet());
        assertEquals(Set.of(1, 2, 3, 4, 5, 6).stream().map(e -> jobId + "/" + e).collect(Collectors.toSet()), ids,
                "every epoch checkpointed; a republished one has the same id");
        int lastBeforeStop = statuses(jobId).stream().filter(s -> s.trainer().equals("t-first") && s.epoch() > 0)
                .mapToInt(TrainingJobStatusChanged::epoch).max().orElseThrow();
        int firstAfter = statuses(jobId).stream().filter(s -> s.trainer().equals("t-second") && s.epoch() > 0)
                .mapToInt(TrainingJobStatusChanged::epoch).min().orElseThrow();
        assertTrue(firstAfter > 1, "the second trainer resumed, not restarted: its first epoch was " + firstAfter);
        assertTrue(firstAfter <= lastBeforeStop + 1, "no epoch skipped: stopped after " + lastBeforeStop);
        long stepOfFirstEpochAfter = checkpoints.stream().filter(c -> c.epoch() == firstAfter).findFirst()
                .orElseThrow().step();
        assertEquals(firstAfter * 10L, stepOfFirstEpochAfter, "steps go on from the checkpoint");
    }

    @Test
    void anAttemptWhoseRunALaterAttemptTookStopsWritingAndTheJobGoesOnInTheLaterOne() throws IOException {
        ApplicationContext trainer = trainer("t-cut-off");
        String jobId = submit(tinySpec(datasetId, 8, 320, 0.01));
        await().atMost(JOB).until(() -> !events(Topics.CHECKPOINTS, CheckpointPublished.class, jobId).isEmpty());
        // as a trainer given the job after this one lost touch with the broker would
        RunLease later = new RunLease(SchemaVersion.CURRENT, jobId, 41, "t-elsewhere", Instant.now());
        trainer.getBean(ObjectStore.class).put("checkpoints", ObjectLayout.runLeaseKey(jobId), bytes(later),
                "application/json");
        long epochsReportedBefore = runningEpochs(jobId, 1);
        TrainingJobStatusChanged done = awaitFinal(jobId);
        assertEquals(JobState.COMPLETED, done.state(), done.reason());
        assertEquals(42, done.attempt(), "taken again after the stale attempt stopped, numbered past the lease's");
        assertTrue(runningEpochs(jobId, 1) <= epochsReportedBefore + 1,
                "the stale attempt reported at most the epoch it was in: " + statuses(jobId));
        assertTrue(statuses(jobId).stream().noneMatch(s -> s.state() == JobState.FAILED), "not failed");
    }

    private static TrainingJobStatusChanged newest(List<TrainingJobStatusChanged> statuses) {
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
    }

    private long runningEpochs(String jobId, int attempt) {
        return statuses(jobId).stream().filter(s -> s.attempt() == attempt && s.state() == JobState.RUNNING
                && s.epoch() > 0).count();
    }

    @Test
    void aFailedJobIsNotRunAgainOnRedeliveryButResumesFromItsCheckpointWhenResubmitted() throws Exception {
        ApplicationContext first = trainer("t-fails");
        String jobId = submit(tinySpec(datasetId, 4, 320, 0.01));
        await().atMost(JOB).until(() -> !events(Topics.CHECKPOINTS, CheckpointPublished.class, jobId).isEmpty());
        first.close(); // mid-job, uncommitted: the submission will be delivered again
        // as a trainer reports a failure that trying again would not mend
        send(Topics.TRAINING_JOB_STATUS, jobId, bytes(new TrainingJobStatusChanged(SchemaVersion.CURRENT, jobId,
                jobId, JobState.FAILED, 1, 1, 4, 10, "injected: a corrupt shard", "t-fails", Instant.now())));
        await().atMost(JOB).until(() -> statuses(jobId).stream().anyMatch(s -> s.state() == JobState.FAILED));
        ApplicationContext second = trainer("t-second");
        ConsumerGroups.awaitCaughtUp(infrastructure().kafkaBootstrapServers(), "trainers", Topics.TRAINING_JOBS, JOB);
        assertEquals(List.of(), statuses(jobId).stream().filter(s -> s.trainer().equals("t-second")).toList(),
                "the redelivered submission did not run the failed job");
        JobsController jobs = second.getBean(JobsController.class);
        await().atMost(JOB).until(() -> second.getBean(JobStatusView.class).latest(jobId)
                .filter(s -> s.state() == JobState.FAILED).isPresent());
        assertEquals(202, jobs.resubmit(jobId).code());
        TrainingJobStatusChanged done = await().atMost(JOB).until(() -> newest(statuses(jobId)),
                s -> s != null && s.state() == JobState.COMPLETED);
        assertEquals(2, done.attempt(), "the attempt after the failed one");
        int firstEpochResumed = statuses(jobId).stream().filter(s -> s.attempt() == 2 && s.epoch() > 0)
                .mapToInt(TrainingJobStatusChanged::epoch).min().orElseThrow();
        assertTrue(firstEpochResumed > 1, "resumed from its checkpoint, not from scratch: " + statuses(jobId));
        await().atMost(JOB).until(() -> second.getBean(JobStatusView.class).latest(jobId)
                .filter(s -> s.state() == JobState.COMPLETED).isPresent());
        assertEquals(409, jobs.resubmit(jobId).code(), "a COMPLETED job is never run again");
    }

    @Test
    void aUserCancelsARunningJobAndAWaitingOneAndNeitherRunsAgain() {
        ApplicationContext trainer = trainer("t-cancel");
        JobsController jobs = trainer.getBean(JobsController.class);
        String running = submit(tinySpec(datasetId, 8, 320, 0.01));
        await().atMost(JOB).until(() -> !events(Topics.CHECKPOINTS, CheckpointPublished.class, running).isEmpty());
        assertEquals(202, jobs.cancel(running).code());
        String waiting = "job-" + UUID.randomUUID();
        assertEquals(202, jobs.cancel(waiting).code(), "cancelled before any trainer reported it");
        send(waiting, bytes(new TrainingJobSubmitted(SchemaVersion.CURRENT, waiting, tinySpec(datasetId, 1, 32, 0.01),
                Instant.now())));
        ConsumerGroups.awaitCaughtUp(infrastructure().kafkaBootstrapServers(), "trainers", Topics.TRAINING_JOBS, JOB);
        assertTrue(statuses(running).stream().noneMatch(s -> s.state() == JobState.COMPLETED),
                "stopped, not completed: " + statuses(running));
        assertTrue(events(Topics.CHECKPOINTS, CheckpointPublished.class, running).size() < 8);
        assertEquals(List.of(JobState.CANCELLED), statuses(waiting).stream().map(TrainingJobStatusChanged::state)
                .toList(), "the waiting job never started");
        assertEquals(JobState.CANCELLED, trainer.getBean(JobStatusView.class).latest(running).orElseThrow().state());
        assertEquals(409, jobs.cancel(running).code(), "an ended job cannot be cancelled");
        assertEquals(400, jobs.cancel("a/b").code());
    }

    @Test
    void twoTrainersRunEachOfFourJobsExactlyOnce() {
        trainer("t-a");
        trainer("t-b");
        // jobs submitted after the group settles are never moved mid-run
        ConsumerGroups.awaitMembers(infrastructure().kafkaBootstrapServers(), "trainers", 2, JOB);
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            jobs.add(submit(tinySpec(datasetId, 2, 96, 0.01)));
        }
        for (String jobId : jobs) {
            assertEquals(JobState.COMPLETED, awaitFinal(jobId).state());
        }
        Set<String> trainersUsed = new java.util.HashSet<>();
        for (String jobId : jobs) {
            List<TrainingJobStatusChanged> all = statuses(jobId);
            assertEquals(1, all.stream().filter(s -> s.state() == JobState.COMPLETED).count(),
                    jobId + " completed once");
            assertEquals(1, all.stream().filter(s -> s.state() == JobState.ACCEPTED).count(), jobId + " accepted once");
            Set<String> by = all.stream().map(TrainingJobStatusChanged::trainer).collect(Collectors.toSet());
            assertEquals(1, by.size(), jobId + " ran on one trainer: " + by);
            trainersUsed.addAll(by);
            assertEquals(List.of(1, 2), events(Topics.CHECKPOINTS, CheckpointPublished.class, jobId).stream()
                    .map(CheckpointPublished::epoch).toList());
        }
        assertTrue(trainersUsed.size() >= 1, "jobs ran on " + trainersUsed);
    }

    @Test
    void invalidJobsFailWithReasonAndGoToTheDeadLetterTopicByteForByte() {
        trainer("t-invalid");
        String unknownVariant = "job-" + UUID.randomUUID();
        TrainingJobSpec bad = tinySpec(datasetId, 1, 32, 0.01);
        byte[] variantBytes = bytes(new TrainingJobSubmitted(SchemaVersion.CURRENT, unknownVariant,
                TrainingJobSpec.plain(bad.datasetId(),
                Network.cifar10("resnet", 32), 1, 32), Instant.now()));
        send(unknownVariant, variantBytes);
        String tooSmall = "job-" + UUID.randomUUID();
        byte[] sizeBytes = bytes(new TrainingJobSubmitted(SchemaVersion.CURRENT, tooSmall,
                TrainingJobSpec.plain(bad.datasetId(), Network.cifar10("recipe", 32), 1, 32), Instant.now()));
        send(tooSmall, sizeBytes);
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        send("garbage-" + tooSmall, garbage);
        String nested = unknownVariant + "/inside";
        send(nested, bytes(new TrainingJobSubmitted(SchemaVersion.CURRENT, nested, tinySpec(datasetId, 1, 32, 0.01),
                Instant.now())));

        await().atMost(JOB).until(() -> probe.on(Topics.TRAINING_JOBS_DLQ).stream()
                .filter(r -> List.of(unknownVariant, tooSmall, "garbage-" + tooSmall, nested).contains(r.key()))
                .count() == 4);
        Map<String, ConsumerRecord<String, byte[]>> dead = probe.on(Topics.TRAINING_JOBS_DLQ).stream()
                .collect(Collectors.toMap(ConsumerRecord::key, r -> r, (a, b) -> a));
        assertArrayEquals(variantBytes, dead.get(unknownVariant).value());
        assertArrayEquals(sizeBytes, dead.get(tooSmall).value());
        assertArrayEquals(garbage, dead.get("garbage-" + tooSmall).value());
        assertTrue(reason(dead.get(unknownVariant)).contains("unknown model variant 'resnet'"));
        assertTrue(reason(dead.get(tooSmall)).contains("too small"));
        assertTrue(reason(dead.get("garbage-" + tooSmall)).startsWith("unreadable event: TrainingJobSubmitted: "),
                reason(dead.get("garbage-" + tooSmall)));
        assertEquals("trainer-service/trainers", header(dead.get(unknownVariant), Topics.HEADER_DLQ_CONSUMER));
        assertEquals("invalid job: job id '" + nested + "' is not 1-64 letters, digits, '_' or '-'",
                reason(dead.get(nested)), "an id that would nest one run's objects in another's is refused");
        assertEquals(JobState.FAILED, awaitFinal(unknownVariant).state());
        assertTrue(awaitFinal(tooSmall).reason().contains("too small"));

        String missing = submit(tinySpec("ds-never-ingested", 1, 32, 0.01));
        TrainingJobStatusChanged failed = awaitFinal(missing);
        assertEquals(JobState.FAILED, failed.state());
        assertTrue(failed.reason().contains("dataset ds-never-ingested has no ready train split after waiting 3 s"),
                failed.reason());
        String after = submit(tinySpec(datasetId, 1, 64, 0.01));
        assertEquals(JobState.COMPLETED, awaitFinal(after).state(), "the trainer keeps consuming after bad jobs");
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        return header(record, Topics.HEADER_DLQ_REASON);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void lossThatBecomesNanFailsTheJob() {
        trainer("t-nan");
        String jobId = submit(tinySpec(datasetId, 2, 320, 1e9));
        TrainingJobStatusChanged done = awaitFinal(jobId);
        assertEquals(JobState.FAILED, done.state());
        assertTrue(done.reason().contains("loss became"), done.reason());
        assertEquals(2, done.epochs(), "the failed status keeps the run's plan");
    }

    @Test
    void corruptShardIsFetchedAgainThenFailsTheJob() throws IOException {
        IngestStatus status = ingest.getBean(IngestService.class)
                .ingestNow(new IngestRequest(CifarFixtures.sharedArchive().toString(), null, 150, 50, null));
        ObjectStore store = ingest.getBean(ObjectStore.class);
        String shardKey = store.list("datasets", status.datasetId() + "/train/").stream()
                .filter(k -> k.endsWith(".npz")).findFirst().orElseThrow();
        store.put("datasets", shardKey, "tampered".getBytes(StandardCharsets.UTF_8), "application/octet-stream");
        trainer("t-corrupt");
        String jobId = submit(tinySpec(status.datasetId(), 1, 150, 0.01));
        TrainingJobStatusChanged done = awaitFinal(jobId);
        assertEquals(JobState.FAILED, done.state());
        assertTrue(done.reason().contains("corrupt shard datasets/" + shardKey)
                && done.reason().contains("fetched twice"),
                done.reason());
    }

    @Test
    void acceptsJobsOverHttpAndExportsRunMetrics() {
        ApplicationContext context = trainer("t-http");
        EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
        try (HttpClient http = HttpClient.create(server.getURL())) {
            Map<?, ?> accepted = http.toBlocking().retrieve(HttpRequest.POST("/jobs",
                    new JobRequest(null, "cpu", datasetId, 1, 64, null, null, null)), Map.class);
            String jobId = (String) accepted.get("jobId");
            // 404 until this trainer's status view has read the job's first status
            await().atMost(JOB).ignoreExceptionsInstanceOf(HttpClientResponseException.class).until(() -> {
                Map<?, ?> status = http.toBlocking().retrieve("/jobs/" + jobId, Map.class);
                return "COMPLETED".equals(status.get("state"));
            });
            Map<?, ?> done = http.toBlocking().retrieve("/jobs/" + jobId, Map.class);
            assertEquals(List.of(1, 1), List.of(done.get("epoch"), done.get("epochs")), "epoch 1 of 1: " + done);
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.POST("/jobs", new JobRequest(null, null, null, null,
                            null, null, null, tinySpec(datasetId, 1, 64, 0.01).withEpochs(0))), Map.class));
            assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
            String reason = refused.getResponse().getBody(String.class).orElse("");
            assertTrue(reason.contains("budget.epochs must be 1-1000, got 0"), reason);
            HttpClientResponseException nested = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.POST("/jobs", new JobRequest(jobId + "/x", "cpu",
                            datasetId, 1, 64, null, null, null)), Map.class));
            assertEquals(HttpStatus.BAD_REQUEST, nested.getStatus());
            assertTrue(nested.getResponse().getBody(String.class).orElse("").contains("is not 1-64 letters"));
            String metrics = http.toBlocking().retrieve("/prometheus");
            for (String name : List.of("trainer_loss", "trainer_accuracy", "trainer_images_per_second",
                    "trainer_learning_rate", "trainer_epoch", "trainer_epochs", "trainer_step")) {
                assertTrue(metrics.contains(name + "{run=\"" + jobId + "\"}"), name + " for " + jobId);
            }
        }
    }
}
