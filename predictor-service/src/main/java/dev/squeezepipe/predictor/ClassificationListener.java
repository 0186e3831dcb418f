package dev.squeezepipe.predictor;

import dev.squeezepipe.errors.Failures;
import dev.squeezepipe.events.ImageClassified;
import dev.squeezepipe.preprocess.RequestImages;
import dev.squeezepipe.topics.Topics;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Classifies the requests on the request topic a poll at a time, so one poll's requests share inference
 * batches. Every request gets a result or a dead letter with the reason; the batch's offsets are committed only
 * after all of them are published. Until a model is loaded the poll is retried, not skipped.
 */
@KafkaListener(groupId = "predictors", offsetReset = OffsetReset.EARLIEST, batch = true,
        // offsets are committed once every result and dead letter of the poll is acknowledged
        offsetStrategy = OffsetStrategy.SYNC,
        // no model yet: retry the same poll every second instead of skipping it
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryDelay = "1s",
                retryCount = 100000),
        properties = {
            // an oversized request must reach the dead-letter path, not stall the consumer
            @Property(name = "max.partition.fetch.bytes", value = "67108864"),
            @Property(name = "fetch.max.bytes", value = "67108864"),
            // a poll is many micro-batches: fewer idle gaps while a poll's results are acknowledged and committed
            // (inference busy 1.86-1.88 of 2 threads at 1,024, 1.90-1.93 at 4,096)
            @Property(name = "max.poll.records", value = "4096")
        })
@Requires(env = "predictor")
public class ClassificationListener {

    private final Classifier classifier;
    private final PredictorEvents events;
    private final PredictorMetrics metrics;

    public ClassificationListener(Classifier classifier, PredictorEvents events, PredictorMetrics metrics) {
        this.classifier = classifier;
        this.events = events;
        this.metrics = metrics;
    }

    @Topic(Topics.CLASSIFICATION_REQUESTS)
    void onRequests(List<ConsumerRecord<String, byte[]>> records) {
        if (!classifier.ready()) {
            throw new IllegalStateException("no model loaded yet; " + records.size() + " requests wait");
        }
        List<CompletableFuture<Prediction>> results = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            metrics.request(RequestSource.KAFKA);
            try {
                results.add(classifier.classify(RequestImages.decode(record.value())));
            } catch (Exception e) {
                results.add(CompletableFuture.failedFuture(e));
            }
        }
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            sent.add(publish(records.get(i), results.get(i)));
        }
        // every result and dead letter acknowledged before the poll's offsets are committed: nothing is lost
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    }

    private CompletableFuture<?> publish(ConsumerRecord<String, byte[]> record, CompletableFuture<Prediction> result) {
        String id = record.key() == null ? "" : record.key();
        try {
            Prediction prediction = result.join();
            double latency = Math.max(0, System.currentTimeMillis() - record.timestamp());
            metrics.latency(RequestSource.KAFKA, latency);
            return events.classified(id, new ImageClassified(id, prediction.top(), prediction.modelId(),
                    prediction.modelVersion(), latency));
        } catch (Exception e) {
            Throwable cause = Failures.unwrap(e);
            if (cause instanceof ShuttingDownException stopping) {
                throw stopping; // not the request's fault: leave the poll uncommitted so it is answered after restart
            }
            metrics.failure(RequestSource.KAFKA);
            metrics.deadLetter(RequestSource.KAFKA);
            return events.deadLetter(id, record.value() == null ? new byte[0] : record.value(),
                    "cannot classify: " + Failures.reason(cause),
                    record.topic() + "/" + record.partition() + "@" + record.offset());
        }
    }
}
