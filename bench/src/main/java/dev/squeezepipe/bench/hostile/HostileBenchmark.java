package dev.squeezepipe.bench.hostile;

import dev.squeezepipe.bench.BenchResult;
import dev.squeezepipe.bench.hostile.HostileCase.Observed;
import dev.squeezepipe.bench.stack.ArchiveImages;
import dev.squeezepipe.bench.stack.EventLog;
import dev.squeezepipe.bench.stack.ProcessStack;
import dev.squeezepipe.bench.stack.Service;
import dev.squeezepipe.bench.stack.ServiceProcess;
import dev.squeezepipe.events.DatasetReady;
import dev.squeezepipe.events.JobState;
import dev.squeezepipe.events.TrainingJobStatusChanged;
import dev.squeezepipe.events.TrainingJobSubmitted;
import dev.squeezepipe.schema.SchemaVersion;
import dev.squeezepipe.spec.TrainingJobSpec.Network;
import dev.squeezepipe.spec.TrainingJobSpec;
import dev.squeezepipe.storage.Files2;
import dev.squeezepipe.topics.Topics;
import io.micronaut.serde.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bench hostile}: the ingest, a trainer and a predictor as their own processes (the fault bench's launcher),
 * a small dataset ingested and a tiny model served, then every input of {@link HostileCorpus}, each checked for
 * its own refusal, and after each a normal request over HTTP and over Kafka, which must be answered. A service
 * that exits, restarts or is not UP after an input counts as a crash.
 */
public final class HostileBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(HostileBenchmark.class);

    private HostileBenchmark() {}

    /** Runs every case against the project's builds under {@code root}, with {@code data} ingested. */
    public static BenchResult run(Path root, Path data) throws Exception {
        return run(root, data, HostileCorpus.all());
    }

    static BenchResult run(Path root, Path data, List<HostileCase> cases) throws Exception {
        Path dir = Files.createTempDirectory("bench-hostile-");
        Path dataRoot = Files.createDirectories(dir.resolve("data"));
        LOG.info("hostile bench: data and service logs under {}", dir);
        boolean clean = false;
        try (ProcessStack stack = ProcessStack.start(dir, root);
                EventLog log = EventLog.start(stack.bootstrapServers());
                KafkaProducer<String, byte[]> producer = producer(stack.bootstrapServers())) {
            Map<String, ServiceProcess> services = startServices(stack, data, dataRoot);
            String datasetId = awaitDataset(log);
            trainTinyModel(producer, log, datasetId);
            HostileRun run = new HostileRun(log, producer, services, ArchiveImages.test(data, 1).get(0), dataRoot);
            HostileRun.until(() -> answering(run));
            List<Map<String, Object>> results = new ArrayList<>();
            for (HostileCase hostile : cases) {
                results.add(attempt(run, hostile));
            }
            BenchResult result = result(results, run);
            clean = results.stream().allMatch(r -> Boolean.TRUE.equals(r.get("refused_as_expected"))
                    && Boolean.TRUE.equals(r.get("normal_answered")) && "[]".equals(String.valueOf(r.get("crashed"))));
            return result;
        } finally {
            if (clean) {
                Files2.deleteTree(dir);
            } else {
                LOG.warn("hostile bench: not all as expected; the services' logs are kept in {}", dir.resolve("logs"));
            }
        }
    }

    private static Map<String, ServiceProcess> startServices(ProcessStack stack, Path data, Path dataRoot)
            throws Exception {
        Map<String, ServiceProcess> services = new LinkedHashMap<>();
        services.put("ingest", stack.launch(Service.INGEST, "ingest", Map.of("INGEST_DATA", data.toString(),
                "INGEST_LIMIT", "1000", "INGEST_DATA_ROOTS", data.toAbsolutePath().getParent() + "," + dataRoot)));
        services.put("trainer", stack.launch(Service.TRAINER, "trainer", Map.of("TRAINER_ID", "trainer",
                "TRAINER_DATASET_WAIT", "5s")));
        services.put("predictor", stack.launch(Service.PREDICTOR, "predictor", Map.of()));
        for (ServiceProcess service : services.values()) {
            if (!HostileRun.until(service::answering)) {
                throw new IllegalStateException(service + " did not start; its output:\n"
                        + String.join("\n", service.tail(30)));
            }
        }
        return services;
    }

    private static String awaitDataset(EventLog log) throws InterruptedException {
        if (!HostileRun.until(() -> log.values(Topics.DATASET_READY, DatasetReady.class).size() == 2)) {
            throw new IllegalStateException("the dataset was not announced ready");
        }
        return log.values(Topics.DATASET_READY, DatasetReady.class).get(0).datasetId();
    }

    /** One epoch on 640 images, so the predictor has a model to serve the normal requests with. */
    private static void trainTinyModel(KafkaProducer<String, byte[]> producer, EventLog log, String datasetId)
            throws Exception {
        String jobId = "hostile-bench-model";
        TrainingJobSpec spec = TrainingJobSpec.plain(datasetId, Network.cifar10("cifar", 32), 1, 64)
                .withTrainLimit(640);
        producer.send(new ProducerRecord<>(Topics.TRAINING_JOBS, jobId,
                ObjectMapper.getDefault().writeValueAsBytes(new TrainingJobSubmitted(SchemaVersion.CURRENT, jobId,
                        spec, Instant.now())))).get();
        if (!HostileRun.until(() -> log.values(Topics.TRAINING_JOB_STATUS, TrainingJobStatusChanged.class).stream()
                .anyMatch(s -> s.jobId().equals(jobId) && s.state() == JobState.COMPLETED))) {
            throw new IllegalStateException("the model the predictor serves was not trained");
        }
    }

    private static boolean answering(HostileRun run) {
        try {
            return run.normalRequestsAnswered();
        } catch (Exception e) {
            return false;
        }
    }

    private static Map<String, Object> attempt(HostileRun run, HostileCase hostile) {
        Observed observed;
        try {
            observed = hostile.attempt().send(run);
        } catch (Exception e) {
            observed = new Observed(false, "broke off: " + e);
        }
        run.sampleHeaps();
        List<String> crashed = run.crashed();
        boolean normal = crashed.isEmpty() && answering(run);
        LOG.info("hostile bench: {} -> {}{}{}", hostile.name(), observed.asExpected() ? "refused as expected"
                : "NOT AS EXPECTED", crashed.isEmpty() ? "" : ", crashed: " + crashed,
                normal ? "" : ", normal requests unanswered");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", hostile.name());
        result.put("service", hostile.service());
        result.put("refused_as_expected", observed.asExpected());
        result.put("observed", observed.what());
        result.put("crashed", crashed.toString());
        result.put("normal_answered", normal);
        return result;
    }

    private static BenchResult result(List<Map<String, Object>> results, HostileRun run) {
        return new BenchResult()
                .put("bench", "hostile")
                .put("inputs", results.size())
                .put("refused_as_expected", results.stream()
                        .filter(r -> Boolean.TRUE.equals(r.get("refused_as_expected"))).count())
                .put("crashes", results.stream().filter(r -> !"[]".equals(r.get("crashed"))).count())
                .put("lost", results.stream().filter(r -> !Boolean.TRUE.equals(r.get("normal_answered"))).count())
                .put("max_heap_mb", run.maxHeapMb().values().stream().mapToDouble(Double::doubleValue).max()
                        .orElse(Double.NaN))
                .put("max_heap_mb_by_service", run.maxHeapMb())
                .put("results", results);
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // the largest hostile request is as large as its topic allows
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(Topics.MAX_MESSAGE_BYTES));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(2L * Topics.MAX_MESSAGE_BYTES));
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
