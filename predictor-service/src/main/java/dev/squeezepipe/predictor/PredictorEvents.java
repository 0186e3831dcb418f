package dev.squeezepipe.predictor;

import dev.squeezepipe.events.ImageClassified;
import dev.squeezepipe.topics.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.messaging.annotation.MessageHeader;

/** What the predictor publishes; sends block until the broker acknowledges. */
@KafkaClient(id = "predictor-events", acks = KafkaClient.Acknowledge.ALL)
public interface PredictorEvents {

    @Topic(Topics.CLASSIFICATION_RESULTS)
    void classified(@KafkaKey String requestId, ImageClassified result);

    /** A request that cannot be classified, byte for byte, with the reason in a header. */
    @Topic(Topics.CLASSIFICATION_REQUESTS_DLQ)
    void deadLetter(@KafkaKey String requestId, byte[] original, @MessageHeader(Topics.HEADER_DLQ_REASON) String reason,
            @MessageHeader(Topics.HEADER_DLQ_ORIGIN) String origin);
}
