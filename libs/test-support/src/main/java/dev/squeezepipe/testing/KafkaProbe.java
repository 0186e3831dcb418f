package dev.squeezepipe.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A plain Kafka consumer that collects every record of some topics from the beginning, for tests to assert
 * on with Awaitility. Not thread-safe: poll it from the test thread.
 */
public final class KafkaProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    public KafkaProbe(String bootstrapServers, String... topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // a fresh group per probe, reading everything already on the topics
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(64 * 1024 * 1024));
        consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topics));
    }

    /** Polls once and returns every record seen so far. */
    public List<ConsumerRecord<String, byte[]>> poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return List.copyOf(records);
    }

    /** Turns a record value into an event. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(byte[] value) throws IOException;
    }

    /** The values seen so far on {@code topic} under {@code key}, parsed; an unreadable one fails the test. */
    public <T> List<T> values(String topic, String key, Parser<T> parser) {
        List<T> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : on(topic)) {
            if (key.equals(record.key())) {
                try {
                    out.add(parser.parse(record.value()));
                } catch (IOException e) {
                    throw new AssertionError("unreadable value on " + topic + " under " + key, e);
                }
            }
        }
        return out;
    }

    /** Records seen so far on {@code topic}. */
    public List<ConsumerRecord<String, byte[]>> on(String topic) {
        poll();
        return records.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
