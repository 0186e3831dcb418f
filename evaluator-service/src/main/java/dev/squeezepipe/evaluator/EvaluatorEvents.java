package dev.squeezepipe.evaluator;

import dev.squeezepipe.events.CheckpointEvaluated;
import dev.squeezepipe.topics.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;

/** What the evaluator publishes; sends block until the broker acknowledges. */
@KafkaClient(id = "evaluator-events", acks = KafkaClient.Acknowledge.ALL)
public interface EvaluatorEvents {

    @Topic(Topics.EVALUATIONS)
    void evaluated(@KafkaKey String runId, CheckpointEvaluated evaluation);
}
