package dev.squeezepipe.bench.faults;

import dev.squeezepipe.bench.stack.ArchiveImages;
import dev.squeezepipe.events.TrainingJobSubmitted;
import dev.squeezepipe.schema.SchemaVersion;
import dev.squeezepipe.spec.TrainingJobSpec;
import dev.squeezepipe.topics.Topics;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the bench sends the services, as their users would over Kafka: training jobs and classification requests,
 * each recorded in the {@link GroundTruth} before it is sent.
 */
final class Traffic implements AutoCloseable {

    /** Longer than any outage the bench stages, so nothing it sends is given up while the broker is away. */
    private static final Duration RIDE_OUT = Duration.ofMinutes(10);

    private final KafkaProducer<String, byte[]> producer;
    private final GroundTruth truth;
    private final List<byte[]> images;
    private final ObjectMapper json = ObjectMapper.getDefault();

    private Traffic(KafkaProducer<String, byte[]> producer, GroundTruth truth, List<byte[]> images) {
        this.producer = producer;
        this.truth = truth;
        this.images = images;
    }

    /** A sender to the broker at {@code bootstrapServers}, with request images from {@code data}'s test split. */
    static Traffic open(String bootstrapServers, Path data, GroundTruth truth) throws IOException {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // acks=all with idempotence: a send retried across a broker restart is written once
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // sends ride out an outage instead of failing: the bench counts losses, and must not cause its own
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(RIDE_OUT.toMillis()));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(RIDE_OUT.toMillis()));
        return new Traffic(new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer()), truth,
                ArchiveImages.test(data, 500));
    }

    /** Submits {@code spec} as a new job and returns its id. */
    String submit(TrainingJobSpec spec) throws Exception {
        String jobId = "faults-" + UUID.randomUUID();
        truth.jobSubmitted(jobId, spec.budget().epochs());
        byte[] job = json.writeValueAsBytes(new TrainingJobSubmitted(SchemaVersion.CURRENT, jobId, spec,
                Instant.now()));
        producer.send(new ProducerRecord<>(Topics.TRAINING_JOBS, jobId, job)).get();
        return jobId;
    }

    /** Sends {@code count} classification requests (raw 32x32 CIFAR images) without waiting for them. */
    void burst(int count) {
        String prefix = "faults-" + UUID.randomUUID() + "-";
        for (int i = 0; i < count; i++) {
            String requestId = prefix + i;
            truth.requestSent(requestId);
            producer.send(new ProducerRecord<>(Topics.CLASSIFICATION_REQUESTS, requestId,
                    images.get(i % images.size())));
        }
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
