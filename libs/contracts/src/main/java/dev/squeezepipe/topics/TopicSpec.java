package dev.squeezepipe.topics;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * A Kafka topic with the types of its keys and values.
 *
 * @param name topic name
 * @param keyType what the record key is
 * @param valueType what the record value is
 * @param partitions partitions to create
 * @param compacted whether the topic keeps only the newest value per key
 * @param retention how long the topic keeps a record; null: the broker's default
 */
public record TopicSpec(String name, Class<?> keyType, Class<?> valueType, int partitions, boolean compacted,
        @Nullable Duration retention) {

    /** A topic that keeps its records for the broker's default time. */
    public TopicSpec(String name, Class<?> keyType, Class<?> valueType, int partitions, boolean compacted) {
        this(name, keyType, valueType, partitions, compacted, null);
    }
}
