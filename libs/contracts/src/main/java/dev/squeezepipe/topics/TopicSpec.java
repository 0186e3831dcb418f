package dev.squeezepipe.topics;

/**
 * A Kafka topic with the types of its keys and values.
 *
 * @param name topic name
 * @param keyType what the record key is
 * @param valueType what the record value is
 * @param partitions partitions to create
 * @param compacted whether the topic keeps only the newest value per key
 */
public record TopicSpec(String name, Class<?> keyType, Class<?> valueType, int partitions, boolean compacted) {}
