package dev.squeezepipe.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.squeezepipe.bench.TrainFlow;
import dev.squeezepipe.infra.EmbeddedStack;
import dev.squeezepipe.ingest.IngestRequest;
import dev.squeezepipe.ingest.IngestService;
import dev.squeezepipe.predictor.ModelSwapper;
import dev.squeezepipe.spec.TrainingJobSpec.Checkpoints;
import dev.squeezepipe.spec.TrainingJobSpec.Network;
import dev.squeezepipe.spec.TrainingJobSpec;
import dev.squeezepipe.testing.CifarFixtures;
import dev.squeezepipe.topics.Topics;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every metric the Grafana dashboard plots is one the running services really export on /prometheus. */
class DashboardMetricsTest {

    private static final Pattern METRIC =
            Pattern.compile("\\b((?:trainer|evaluator|predictor|ingest|kafka)_[a-z0-9_]+)");

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void dashboardPlotsOnlyMetricsTheServicesExport() throws Exception {
        Set<String> plotted = plottedMetrics();
        assertTrue(plotted.size() >= 12, "dashboard metrics: " + plotted);
        assertTrue(Files.exists(Path.of("../infra/grafana/provisioning/dashboards/squeezepipe.yml")));

        try (EmbeddedStack stack = EmbeddedStack.start(dir)) {
            List<ApplicationContext> services = new ArrayList<>();
            try {
                for (String name : List.of("ingest", "trainer", "evaluator", "predictor")) {
                    services.add(stack.service(name, Map.of("micronaut.server.port", -1, "trainer.instance-id", "dash",
                            "shards.cache-dir", dir.resolve("cache").toString())));
                }
                exerciseEveryService(stack, services);
                // meters appear as the services work: the evaluation and its result may still be coming
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    Set<String> exported = exported(services);
                    Set<String> missing = new TreeSet<>(plotted);
                    missing.removeAll(exported);
                    assertEquals(Set.of(), missing, "plotted but not exported; lag meters exported: "
                            + exported.stream().filter(n -> n.contains("lag")).sorted().limit(30).toList());
                });
            } finally {
                for (int i = services.size() - 1; i >= 0; i--) {
                    services.get(i).close();
                }
            }
        }
    }

    /** Ingests, trains on the test's own trainer, and classifies over Kafka and HTTP once the model is loaded. */
    private void exerciseEveryService(EmbeddedStack stack, List<ApplicationContext> services) throws Exception {
        String datasetId = services.get(0).getBean(IngestService.class).ingestNow(
                new IngestRequest(CifarFixtures.sharedArchive().toString(), null, 100, null, null)).datasetId();
        TrainFlow.Outcome run = TrainFlow.train(services.get(1), TrainingJobSpec.plain(datasetId,
                Network.cifar10("cifar", 32), 1, 32).withTrainLimit(64).withCheckpoints(new Checkpoints(1, 1)));
        ModelSwapper swapper = services.get(3).getBean(ModelSwapper.class);
        await().atMost(Duration.ofMinutes(2)).until(() -> (run.jobId() + "/1").equals(swapper.currentId()));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                stack.infrastructure().kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.CLASSIFICATION_REQUESTS, "dash-1", new byte[3072])).get();
        }
        URI predictor = services.get(3).getBean(EmbeddedServer.class).getURI();
        assertEquals(200, http.send(HttpRequest.newBuilder(predictor.resolve("/predict"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[3072])).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    private static Set<String> plottedMetrics() throws IOException {
        Set<String> plotted = new TreeSet<>();
        JsonNode dashboard = new ObjectMapper()
                .readTree(Path.of("../infra/grafana/dashboards/squeezepipe.json").toFile());
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher m = METRIC.matcher(target.get("expr").asText());
                while (m.find()) {
                    plotted.add(m.group(1));
                }
            }
        }
        return plotted;
    }

    /** Names of every sample the services' /prometheus endpoints print right now. */
    private Set<String> exported(List<ApplicationContext> services) throws IOException, InterruptedException {
        Set<String> exported = new TreeSet<>();
        for (ApplicationContext service : services) {
            URI uri = service.getBean(EmbeddedServer.class).getURI().resolve("/prometheus");
            String body = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
            body.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("[{ ]", 2)[0]).forEach(exported::add);
        }
        return exported;
    }
}
