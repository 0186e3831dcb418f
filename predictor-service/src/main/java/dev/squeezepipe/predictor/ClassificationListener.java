package dev.squeezepipe.predictor;

import dev.squeezepipe.topics.Topics;
import io.micronaut.configuration.kafka.ConsumerAware;
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
 * Classifies the requests on the request topic a poll at a time, so one poll's requests share inference
 * batches. Every request gets a result or a dead letter with the reason; a poll's offsets are committed only
 * after all of them are acknowledged. While more requests wait, a poll is answered during the next one, so the
 * inference threads keep working while the consumer fetches. Until a model is loaded the poll is retried.
 */
@KafkaListener(groupId = "predictors", offsetReset = OffsetReset.EARLIEST, batch = true,
        // PollAnswerer commits each poll once its results are acknowledged, which may be during the next poll
        offsetStrategy = OffsetStrategy.DISABLED,
        // no model yet: retry the same poll every second instead of skipping it (other failures rewind the
        // consumer to the first request not answered themselves: see PollAnswerer)
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryDelay = "1s", retryCount = 100000,
                exceptionTypes = NoModelYetException.class),
        properties = {
            // an oversized request must reach the dead-letter path, not stall the consumer
            @Property(name = "max.partition.fetch.bytes", value = "67108864"),
            @Property(name = "fetch.max.bytes", value = "67108864"),
            // a poll is many micro-batches: fewer polls to answer, acknowledge and commit for a burst (inference
            // busy 1.86-1.88 of 2 threads at 1,024, 1.90-1.93 at 4,096, measured before polls overlapped)
            @Property(name = "max.poll.records", value = "4096")
        })
@Requires(env = "predictor")
public class ClassificationListener implements ConsumerAware<String, byte[]>, ConsumerRebalanceListener {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClassificationListener.class);

    private final Classifier classifier;
    private final PollAnswerer answerer;
    private Consumer<String, byte[]> consumer;

    public ClassificationListener(Classifier classifier, PollAnswerer answerer) {
        this.classifier = classifier;
        this.answerer = answerer;
    }

    @Override
    public void setKafkaConsumer(Consumer<String, byte[]> consumer) {
        this.consumer = consumer;
    }

    @Topic(Topics.CLASSIFICATION_REQUESTS)
    void onRequests(List<ConsumerRecord<String, byte[]>> records) {
        if (!classifier.ready()) {
            throw new NoModelYetException(records.size());
        }
        answerer.submit(records);
        // more requests already waiting: leave this poll to the inference threads and fetch the next
        answerAllBut(moreWaiting() ? 1 : 0);
    }

    private void answerAllBut(int newest) {
        try {
            answerer.answer(consumer, newest);
        } catch (ShuttingDownException stopping) {
            LOG.info("Stopping with requests unanswered: they are read again after a restart or by another member");
        }
    }

    private boolean moreWaiting() {
        for (TopicPartition partition : consumer.assignment()) {
            // the lag as of the last fetch, known without asking the broker
            if (consumer.currentLag(partition).orElse(0) > 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        try {
            answerAllBut(0); // every poll submitted is answered and committed before another member takes over
        } catch (RuntimeException e) {
            LOG.warn("Partitions revoked with requests unanswered; their next owner answers them: {}", e.toString());
        }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        // nothing to do: a partition newly assigned is read from its committed offset
    }
}
