package dev.squeezepipe.service;

import dev.squeezepipe.topics.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;
import io.micronaut.messaging.annotation.MessageHeader;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends dead letters; {@link DeadLetters} is the way in. All replicas must have a copy before a send counts: a dead
 * letter is the only trace of the record it replaces, and the original's offset is committed once it is acknowledged.
 */
@KafkaClient(id = "dead-letters", acks = KafkaClient.Acknowledge.ALL, properties = {
        // a retried send must not write the dead letter twice
        @Property(name = ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, value = "true"),
        // a dead letter carries the original record, up to the largest a topic takes
        @Property(name = ProducerConfig.MAX_REQUEST_SIZE_CONFIG, value = "" + Topics.MAX_MESSAGE_BYTES),
        // room for two such records waiting to be sent
        @Property(name = ProducerConfig.BUFFER_MEMORY_CONFIG, value = "" + 2 * Topics.MAX_MESSAGE_BYTES),
        // give up on a send after 20 s (15 s per request), not the default two minutes: well inside the 30 s a
        // stopping service has to exit; the poll it answers is then polled again
        @Property(name = ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, value = "20000"),
        @Property(name = ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, value = "15000")})
interface DeadLetterClient {

    CompletableFuture<RecordMetadata> send(@Topic String topic, @KafkaKey String key, byte[] original,
            @MessageHeader(Topics.HEADER_DLQ_REASON) String reason,
            @MessageHeader(Topics.HEADER_DLQ_ORIGIN) String origin,
            @MessageHeader(Topics.HEADER_DLQ_CONSUMER) String consumer,
            @MessageHeader(Topics.HEADER_DLQ_ORIGINAL_BYTES) String originalBytes);
}
