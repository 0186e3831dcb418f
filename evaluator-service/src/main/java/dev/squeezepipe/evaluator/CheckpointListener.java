package dev.squeezepipe.evaluator;

import dev.squeezepipe.events.CheckpointPublished;
import dev.squeezepipe.topics.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every checkpoint event to the {@link EvaluationService}. Values arrive as bytes so that a record that
 * is not a checkpoint event can be copied to the dead-letter topic as it was.
 */
@KafkaListener(groupId = "evaluators", offsetReset = OffsetReset.EARLIEST,
        // the offset is committed after the evaluation is published; a crash re-evaluates at most one checkpoint
        offsetStrategy = OffsetStrategy.SYNC,
        // an evaluation of 10,000 images takes tens of seconds on a CPU: far below this
        properties = @Property(name = "max.poll.interval.ms", value = "900000"))
@Requires(env = "evaluator")
public class CheckpointListener {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointListener.class);

    private final EvaluationService service;
    private final EvaluatorEvents events;
    private final JsonMapper json;

    public CheckpointListener(EvaluationService service, EvaluatorEvents events, JsonMapper json) {
        this.service = service;
        this.events = events;
        this.json = json;
    }

    @Topic(Topics.CHECKPOINTS)
    void onCheckpoint(@KafkaKey String key, byte[] value, ConsumerRecord<String, byte[]> record) {
        CheckpointPublished checkpoint;
        try {
            checkpoint = json.readValue(value, CheckpointPublished.class);
            if (checkpoint == null || checkpoint.checkpointId() == null) {
                throw new IllegalArgumentException("no checkpoint id");
            }
        } catch (Exception e) {
            String origin = record.topic() + "/" + record.partition() + "@" + record.offset();
            LOG.warn("Checkpoint record {} sent to {}: {}", origin, Topics.CHECKPOINTS_DLQ, e.getMessage());
            events.deadLetter(key == null ? "" : key, value == null ? new byte[0] : value,
                    "unreadable checkpoint event: " + e.getMessage(), origin);
            return;
        }
        service.evaluate(checkpoint);
    }
}
