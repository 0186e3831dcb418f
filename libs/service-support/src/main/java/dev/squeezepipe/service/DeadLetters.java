package dev.squeezepipe.service;

import dev.squeezepipe.schema.UnreadableRecordException;
import dev.squeezepipe.schema.Versioned;
import dev.squeezepipe.schema.VersionedJson;
import dev.squeezepipe.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a service sets a record aside: a copy, byte for byte under its key, on the dead-letter topic of the
 * topic it came from (the catalogue names it), with why, where it came from and who refused it in headers.
 *
 * <p>It is also how a service reads an event. The group that owns a topic's records (the trainers' jobs, the
 * evaluators' checkpoints) sends one it cannot read to the dead letters and commits past it. A view (the trainer's
 * dataset catalogue and status view, the predictor's model follower) reads its topics from the beginning in a group of
 * its own at every start, so it skips such a record with a warning and a count in {@code events_unreadable_total}
 * rather than dead-letter it again at every start.
 */
@Singleton
public class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterClient client;
    private final JsonMapper json;
    private final MeterRegistry registry;
    private final String service;

    public DeadLetters(DeadLetterClient client, JsonMapper json, MeterRegistry registry,
            @Value("${micronaut.application.name:squeezepipe}") String service) {
        this.client = client;
        this.json = json;
        this.registry = registry;
        this.service = service;
    }

    /**
     * Sends {@code record} to its dead-letter topic with {@code reason}, a byte-for-byte copy of its value unless
     * that is over {@link Topics#MAX_DEAD_LETTER_COPY_BYTES} (then the origin is the reference); completes when the
     * broker has it.
     */
    public CompletableFuture<RecordMetadata> send(ConsumerRecord<String, byte[]> record, String consumer,
            String reason) {
        String topic = Topics.deadLetterTopicOf(record.topic());
        String origin = origin(record);
        byte[] value = record.value() == null ? new byte[0] : record.value();
        boolean copied = value.length <= Topics.MAX_DEAD_LETTER_COPY_BYTES;
        String why = copied ? reason : reason + " (the original's " + value.length + " bytes are not copied, over the "
                + Topics.MAX_DEAD_LETTER_COPY_BYTES + "-byte limit of a copy: it is at " + origin + ")";
        LOG.warn("{} record {} (key {}) sent to {}: {}", consumer, origin, record.key(), topic, why);
        return client.send(topic, record.key() == null ? "" : record.key(), copied ? value : new byte[0], why, origin,
                service + "/" + consumer, String.valueOf(value.length));
    }

    /**
     * The event of {@code type} in {@code record}; empty when it cannot be read, after its dead letter is
     * acknowledged (a failed send throws, so that the record is read again rather than lost).
     */
    public <T extends Versioned> Optional<T> readOrDeadLetter(ConsumerRecord<String, byte[]> record, Class<T> type,
            String consumer) {
        try {
            return Optional.of(VersionedJson.read(json, record.value(), type));
        } catch (UnreadableRecordException e) {
            await(send(record, consumer, "unreadable event: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** The event of {@code type} in {@code record}, for a view; empty, logged and counted when it cannot be read. */
    public <T extends Versioned> Optional<T> readOrSkip(ConsumerRecord<String, byte[]> record, Class<T> type,
            String consumer) {
        try {
            return Optional.of(VersionedJson.read(json, record.value(), type));
        } catch (UnreadableRecordException e) {
            LOG.warn("{} skips record {} (key {}): {}", consumer, origin(record), record.key(), e.getMessage());
            registry.counter("events.unreadable", "topic", record.topic(), "consumer", consumer).increment();
            return Optional.empty();
        }
    }

    /** {@code topic/partition@offset}, how logs and dead letters name a record. */
    public static String origin(ConsumerRecord<?, ?> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }

    /** Waits for {@code sent}, rethrowing its failure unchecked. */
    public static RecordMetadata await(CompletableFuture<RecordMetadata> sent) {
        try {
            return sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending a dead letter", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a dead letter could not be sent: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
