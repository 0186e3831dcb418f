package dev.squeezepipe.predictor;

import dev.squeezepipe.errors.Failures;
import dev.squeezepipe.events.ImageClassified;
import dev.squeezepipe.preprocess.RequestImages;
import dev.squeezepipe.schema.SchemaVersion;
import dev.squeezepipe.service.DeadLetters;
import dev.squeezepipe.service.TransientFailures;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Answers a poll of classification requests: queues each for inference and publishes its result, or a dead
 * letter with the reason, as soon as it is known, from the inference thread that classified it. A request the
 * predictor could not answer because it is stopping gets neither: its poll fails, to be answered after restart.
 */
@Singleton
@Requires(env = "predictor")
public class RequestAnswerer {

    private final Classifier classifier;
    private final PredictorEvents events;
    private final DeadLetters deadLetters;
    private final PredictorMetrics metrics;

    public RequestAnswerer(Classifier classifier, PredictorEvents events, DeadLetters deadLetters,
            PredictorMetrics metrics) {
        this.classifier = classifier;
        this.events = events;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    /** The poll of {@code records}, whose answers are on their way. */
    PollInFlight answer(List<ConsumerRecord<String, byte[]>> records) {
        PollInFlight poll = new PollInFlight(records);
        CompletableFuture<?>[] sent = new CompletableFuture<?>[records.size()];
        for (int i = 0; i < sent.length; i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            metrics.request(RequestSource.KAFKA);
            sent[i] = classify(record)
                    .handle((prediction, error) -> poll.abandoned() ? CompletableFuture.completedFuture(null)
                            : publish(record, prediction, error))
                    .thenCompose(acknowledgement -> acknowledgement);
        }
        poll.acknowledgedWhen(CompletableFuture.allOf(sent));
        return poll;
    }

    private CompletableFuture<Prediction> classify(ConsumerRecord<String, byte[]> record) {
        try {
            return classifier.classify(RequestImages.decode(record.value()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new ShuttingDownException()); // not the request's fault
        } catch (Exception | StackOverflowError e) { // whatever one request does to a decoder, it alone is refused
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<?> publish(ConsumerRecord<String, byte[]> record, Prediction prediction,
            Throwable error) {
        String id = record.key() == null ? "" : record.key();
        if (error == null) {
            double latency = Math.max(0, System.currentTimeMillis() - record.timestamp());
            metrics.latency(RequestSource.KAFKA, latency);
            return events.classified(id, new ImageClassified(SchemaVersion.CURRENT, id, prediction.top(),
                    prediction.modelId(), prediction.modelVersion(), latency))
                    .handle((sent, failure) -> failure == null ? CompletableFuture.completedFuture(sent)
                            : undeliverable(record, failure))
                    .thenCompose(acknowledgement -> acknowledgement);
        }
        Throwable cause = Failures.unwrap(error);
        if (cause instanceof ShuttingDownException) {
            return CompletableFuture.failedFuture(cause); // not the request's fault: no dead letter
        }
        metrics.failure(RequestSource.KAFKA);
        metrics.deadLetter(RequestSource.KAFKA);
        return deadLetters.send(record, ClassificationListener.GROUP, "cannot classify: " + Failures.reason(cause));
    }

    /**
     * A result the broker refused: while it may yet take it (away, timed out), the poll fails and comes again;
     * a refusal that would repeat (too large, not allowed) dead-letters the request at once, with the reason.
     */
    private CompletableFuture<?> undeliverable(ConsumerRecord<String, byte[]> record, Throwable failure) {
        Throwable cause = Failures.unwrap(failure);
        if (TransientFailures.isTransient(cause)) {
            return CompletableFuture.failedFuture(cause);
        }
        metrics.deadLetter(RequestSource.KAFKA);
        return deadLetters.send(record, ClassificationListener.GROUP, "result undeliverable: "
                + Failures.reason(cause));
    }
}
