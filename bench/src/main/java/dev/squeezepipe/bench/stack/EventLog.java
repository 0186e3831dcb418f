package dev.squeezepipe.bench.stack;

import dev.squeezepipe.topics.TopicSpec;
import dev.squeezepipe.topics.Topics;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every record of every topic of the catalogue, as the broker holds it, read from the beginning by one consumer
 * outside any group and kept in memory: the bench's record of what the services said, across broker outages (the
 * consumer resumes where it was once the broker is back).
 */
public final class EventLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);

    private final ObjectMapper json = ObjectMapper.getDefault();
    private final Map<String, List<ConsumerRecord<String, byte[]>>> records = new HashMap<>();
    private final Map<String, Parsed> parsed = new HashMap<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread reader;
    private volatile boolean caughtUp;
    private volatile boolean closed;

    private EventLog(KafkaConsumer<String, byte[]> consumer) {
        this.consumer = consumer;
        this.reader = new Thread(this::readForever, "event-log");
        reader.setDaemon(true);
    }

    /** Starts reading every topic of the catalogue from the beginning. */
    public static EventLog start(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // the log keeps everything, so records as large as the topics allow
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(Topics.MAX_MESSAGE_BYTES));
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (TopicSpec topic : Topics.ALL) {
            for (int i = 0; i < topic.partitions(); i++) {
                partitions.add(new TopicPartition(topic.name(), i));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        EventLog log = new EventLog(consumer);
        log.reader.start();
        return log;
    }

    /** The records of {@code topic} seen so far, in the order read. */
    public List<ConsumerRecord<String, byte[]>> records(String topic) {
        synchronized (records) {
            return List.copyOf(records.getOrDefault(topic, List.of()));
        }
    }

    /**
     * The values of {@code topic} seen so far, read as {@code type}. Each record is parsed once: the benches poll
     * these lists while the services they measure share the cores.
     */
    public <T> List<T> values(String topic, Class<T> type) {
        List<ConsumerRecord<String, byte[]>> all = records(topic);
        synchronized (parsed) {
            Parsed cached = parsed.computeIfAbsent(topic + "/" + type.getName(), k -> new Parsed());
            for (ConsumerRecord<String, byte[]> record : all.subList(cached.values.size(), all.size())) {
                try {
                    cached.values.add(json.readValue(record.value(), type));
                } catch (IOException e) {
                    throw new UncheckedIOException(topic + " partition " + record.partition() + " offset "
                            + record.offset() + " (key " + record.key() + ") is not a " + type.getSimpleName(), e);
                }
            }
            return cached.values.stream().map(type::cast).toList();
        }
    }

    /** The values of one topic read as one type, in the order of the topic's records. */
    private static final class Parsed {
        private final List<Object> values = new ArrayList<>();
    }

    /** True when the last poll found nothing beyond what the log holds. */
    public boolean caughtUp() {
        return caughtUp;
    }

    private void readForever() {
        while (!closed) {
            try {
                var batch = consumer.poll(Duration.ofMillis(200));
                synchronized (records) {
                    batch.forEach(r -> records.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(r));
                }
                caughtUp = batch.isEmpty() && consumer.assignment().stream()
                        .allMatch(tp -> consumer.currentLag(tp).orElse(1) == 0);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("event log: {} (reading on)", e.toString());
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        consumer.wakeup();
        reader.join(10_000);
        consumer.close(Duration.ofSeconds(5));
    }
}
