package dev.squeezepipe.predictor;

import dev.squeezepipe.topics.Topics;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Hands the requests on the request topic to the {@link PollPipeline}, which answers them and what follows them,
 * so that one poll's requests share inference batches and the next poll's queue behind them. Every request gets a
 * result or a dead letter with the reason, and a poll's offsets are committed only after all of them are
 * published. Until a model is loaded, the poll is retried, not skipped.
 */
@KafkaListener(groupId = ClassificationListener.GROUP, offsetReset = OffsetReset.EARLIEST, batch = true,
        // the pipeline commits each poll itself, once every result and dead letter of it is acknowledged
        offsetStrategy = OffsetStrategy.DISABLED,
        // no model yet, or stopping: retry the same poll every second instead of skipping it
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryDelay = "1s",
                retryCount = 100000),
        properties = {
            // an oversized request must reach the dead-letter path, not stall the consumer
            @Property(name = "max.partition.fetch.bytes", value = "" + Topics.MAX_MESSAGE_BYTES),
            @Property(name = "fetch.max.bytes", value = "" + Topics.MAX_MESSAGE_BYTES),
            // a poll is many micro-batches, so batches fill and inference rarely waits; at most two polls are in flight
            @Property(name = "max.poll.records", value = "4096")
        })
@Requires(env = "predictor")
public class ClassificationListener implements ConsumerRebalanceListener {

    static final String GROUP = "predictors";

    private final Classifier classifier;
    private final PollPipeline pipeline;

    public ClassificationListener(Classifier classifier, PollPipeline pipeline) {
        this.classifier = classifier;
        this.pipeline = pipeline;
    }

    @Topic(Topics.CLASSIFICATION_REQUESTS)
    void onRequests(List<ConsumerRecord<String, byte[]>> records, Consumer<String, byte[]> consumer) {
        if (classifier.stopping()) {
            throw new ShuttingDownException();
        }
        if (!classifier.ready()) {
            throw new IllegalStateException("no model loaded yet; " + records.size() + " requests wait");
        }
        pipeline.drain(records, consumer);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        pipeline.revoked(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        // positions come from the committed offsets: nothing to do
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        pipeline.lost();
    }
}
