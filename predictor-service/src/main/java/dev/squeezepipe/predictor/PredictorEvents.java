package dev.squeezepipe.predictor;

import dev.squeezepipe.events.ImageClassified;
import dev.squeezepipe.topics.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * What the predictor publishes. Sends return at once with the broker's acknowledgement to come, so results go out
 * as they are known; the {@link PollPipeline} waits for all of a poll's before its offsets are committed.
 */
@KafkaClient(id = "predictor-events", acks = KafkaClient.Acknowledge.ALL)
public interface PredictorEvents {

    @Topic(Topics.CLASSIFICATION_RESULTS)
    CompletableFuture<RecordMetadata> classified(@KafkaKey String requestId, ImageClassified result);
}
