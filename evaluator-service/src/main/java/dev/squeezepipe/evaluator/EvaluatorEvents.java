package dev.squeezepipe.evaluator;

import dev.squeezepipe.events.EvaluationCompleted;
import dev.squeezepipe.topics.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.messaging.annotation.MessageHeader;

/** What the evaluator publishes; sends block until the broker acknowledges. */
@KafkaClient(id = "evaluator-events", acks = KafkaClient.Acknowledge.ALL)
public interface EvaluatorEvents {

    @Topic(Topics.EVALUATIONS)
    void evaluated(@KafkaKey String runId, EvaluationCompleted evaluation);

    /** A checkpoint record that cannot be read, byte for byte, with the reason in a header. */
    @Topic(Topics.CHECKPOINTS_DLQ)
    void deadLetter(@KafkaKey String key, byte[] original, @MessageHeader(Topics.HEADER_DLQ_REASON) String reason,
            @MessageHeader(Topics.HEADER_DLQ_ORIGIN) String origin);
}
