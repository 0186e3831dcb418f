package dev.squeezepipe.bench.hostile;

import dev.squeezepipe.bench.hostile.HostileCase.Observed;
import dev.squeezepipe.bench.stack.EventLog;
import dev.squeezepipe.bench.stack.ServiceProcess;
import dev.squeezepipe.bench.stack.Waits;
import dev.squeezepipe.events.ImageClassified;
import dev.squeezepipe.events.JobState;
import dev.squeezepipe.events.TrainingJobStatusChanged;
import dev.squeezepipe.topics.Topics;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The services a hostile-input run sends to, and the checks every case shares: the refusal it must get, that
 * nothing crashed, that a normal request is still answered, and the heap each service used.
 */
final class HostileRun {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final EventLog log;
    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, ServiceProcess> services;
    private final Map<String, Long> pids = new HashMap<>();
    private final Map<String, Double> maxHeapMb = new HashMap<>();
    private final byte[] normalImage;
    private final Path dataRoot;

    HostileRun(EventLog log, KafkaProducer<String, byte[]> producer, Map<String, ServiceProcess> services,
            byte[] normalImage, Path dataRoot) {
        this.log = log;
        this.producer = producer;
        this.services = services;
        this.normalImage = normalImage;
        this.dataRoot = dataRoot;
        services.forEach((name, process) -> pids.put(name, process.pid()));
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    /** A folder under the ingest's data roots where the bench may write files. */
    Path dataRoot() {
        return dataRoot;
    }

    /** Sends {@code body} and expects {@code status} with a body containing {@code reason}. */
    Observed http(String service, String method, String path, byte[] body, String type, int status, String reason)
            throws Exception {
        HttpResponse<String> response = services.get(service).send(method, path, body, type);
        String shown = response.statusCode() + " " + shorten(response.body());
        return new Observed(response.statusCode() == status && response.body().contains(reason), shown);
    }

    Observed json(String service, String method, String path, String json, int status, String reason)
            throws Exception {
        return http(service, method, path, json.getBytes(StandardCharsets.UTF_8), "application/json", status,
                reason);
    }

    /** Sends {@code value} under {@code key} to {@code topic} and expects its dead letter with {@code reason}. */
    Observed deadLettered(String topic, String key, byte[] value, String reason) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
        String deadLetters = Topics.deadLetterTopicOf(topic);
        if (!until(() -> letter(deadLetters, key).isPresent())) {
            return new Observed(false, "no dead letter on " + deadLetters + " within " + WAIT);
        }
        String why = new String(letter(deadLetters, key).get().headers().lastHeader(Topics.HEADER_DLQ_REASON)
                .value(), StandardCharsets.UTF_8);
        return new Observed(why.contains(reason), "dead letter: " + shorten(why));
    }

    /** Expects job {@code jobId} to end FAILED with {@code reason}. */
    Observed jobFailed(String jobId, String reason) throws InterruptedException {
        if (!until(() -> finalStatus(jobId).isPresent())) {
            return new Observed(false, "job " + jobId + " did not end within " + WAIT);
        }
        TrainingJobStatusChanged end = finalStatus(jobId).get();
        return new Observed(end.state() == JobState.FAILED && String.valueOf(end.reason()).contains(reason),
                end.state() + ": " + shorten(String.valueOf(end.reason())));
    }

    /** Expects ingest {@code ingestId} to end FAILED with {@code reason}. */
    Observed ingestFailed(String ingestId, String reason) throws Exception {
        String[] status = {""};
        until(() -> {
            try {
                status[0] = services.get("ingest").get("/ingest/" + ingestId).body();
            } catch (Exception e) {
                return false;
            }
            return status[0].contains("\"FAILED\"") || status[0].contains("\"COMPLETED\"");
        });
        return new Observed(status[0].contains("\"FAILED\"") && status[0].contains(reason), shorten(status[0]));
    }

    /** Whether a normal image is still classified over HTTP and over Kafka. */
    boolean normalRequestsAnswered() throws Exception {
        HttpResponse<String> http = services.get("predictor").send("POST", "/predict", normalImage,
                "application/octet-stream");
        String id = "normal-" + UUID.randomUUID();
        producer.send(new ProducerRecord<>(Topics.CLASSIFICATION_REQUESTS, id, normalImage)).get();
        boolean kafka = until(() -> log.values(Topics.CLASSIFICATION_RESULTS, ImageClassified.class).stream()
                .anyMatch(r -> r.requestId().equals(id)));
        return http.statusCode() == 200 && kafka;
    }

    /** Services no longer what they were at the start: exited, restarted (another PID), or not UP. */
    List<String> crashed() {
        return services.entrySet().stream().filter(e -> !e.getValue().alive()
                || e.getValue().pid() != pids.get(e.getKey()) || !e.getValue().healthy()).map(Map.Entry::getKey)
                .toList();
    }

    /** Samples each service's heap in use, keeping the most seen. */
    void sampleHeaps() {
        services.forEach((name, process) -> {
            try {
                double mb = process.metric("jvm_memory_used_bytes", "area=\"heap\"") / (1 << 20);
                maxHeapMb.merge(name, mb, Math::max);
            } catch (Exception e) {
                // a service that cannot answer is counted as crashed, not here
            }
        });
    }

    Map<String, Double> maxHeapMb() {
        return maxHeapMb;
    }

    private Optional<ConsumerRecord<String, byte[]>> letter(String topic, String key) {
        return log.records(topic).stream().filter(r -> key.equals(r.key())).findFirst();
    }

    private Optional<TrainingJobStatusChanged> finalStatus(String jobId) {
        return log.values(Topics.TRAINING_JOB_STATUS, TrainingJobStatusChanged.class).stream()
                .filter(s -> s.jobId().equals(jobId) && s.state().isFinal()).findFirst();
    }

    private static String shorten(String text) {
        return text.length() > 240 ? text.substring(0, 240) + "…" : text;
    }

    /** Polls {@code condition} for as long as any case may take. */
    static boolean until(BooleanSupplier condition) throws InterruptedException {
        return Waits.until(WAIT, condition);
    }
}
