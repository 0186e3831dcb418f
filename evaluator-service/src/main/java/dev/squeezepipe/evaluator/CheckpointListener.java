package dev.squeezepipe.evaluator;

import dev.squeezepipe.events.CheckpointPublished;
import dev.squeezepipe.modelstore.ForeignCheckpointException;
import dev.squeezepipe.service.DeadLetters;
import dev.squeezepipe.service.ShutdownInterrupts;
import dev.squeezepipe.topics.Topics;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import java.io.IOException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Hands every checkpoint event to the {@link EvaluationService}. Values arrive as bytes so that a record that
 * is not a checkpoint event this build reads can be copied to the dead-letter topic as it was.
 */
@KafkaListener(groupId = CheckpointListener.GROUP, offsetReset = OffsetReset.EARLIEST,
        // the offset is committed after the evaluation is published and recorded; a crash re-evaluates at most one
        offsetStrategy = OffsetStrategy.SYNC,
        // an evaluation that failed for a passing cause (S3 or the broker away) is tried again, never skipped
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryDelay = "5s",
                retryCount = Integer.MAX_VALUE),
        // an evaluation of 10,000 images takes tens of seconds on a CPU: far below this
        properties = @Property(name = "max.poll.interval.ms", value = "900000"))
@Requires(env = "evaluator")
public class CheckpointListener {

    static final String GROUP = "evaluators";


    private final EvaluationService service;
    private final DeadLetters deadLetters;
    private final ShutdownInterrupts shutdown;

    public CheckpointListener(EvaluationService service, DeadLetters deadLetters, ShutdownInterrupts shutdown) {
        this.service = service;
        this.deadLetters = deadLetters;
        this.shutdown = shutdown;
    }

    /**
     * Evaluates the checkpoint; a shutdown interrupts the evaluation, whose offset then stays uncommitted. An event
     * naming an object that is not a stored checkpoint of this pipeline is dead-lettered with the reason.
     */
    @Topic(Topics.CHECKPOINTS)
    void onCheckpoint(ConsumerRecord<String, byte[]> record) throws Exception {
        Optional<CheckpointPublished> checkpoint = deadLetters.readOrDeadLetter(record, CheckpointPublished.class,
                GROUP);
        if (checkpoint.isPresent()) {
            try {
                shutdown.run(() -> service.evaluate(checkpoint.get()));
            } catch (ForeignCheckpointException e) {
                DeadLetters.await(deadLetters.send(record, GROUP, "not a checkpoint of this pipeline: "
                        + e.getMessage()));
            }
        }
    }
}
