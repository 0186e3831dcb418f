package dev.squeezepipe.predictor;

import dev.squeezepipe.events.ImageClassified;
import dev.squeezepipe.preprocess.RequestImages;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Answers the classification requests of each poll and commits the poll's offsets once every result and dead
 * letter of it is acknowledged. A poll is submitted to the classifier as soon as it arrives and answered later,
 * so the consumer can fetch the next poll while the inference threads still work on this one. Polls are answered
 * and committed in the order they came. Used from the consumer's thread only (the listener and its rebalance
 * callbacks), as the consumer itself must be.
 */
@Singleton
@Requires(env = "predictor")
public class PollAnswerer {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PollAnswerer.class);

    /** A poll's requests, each with its classification to come. */
    private record SubmittedPoll(List<ConsumerRecord<String, byte[]>> records, List<CompletableFuture<Prediction>> results) {}

    private final Classifier classifier;
    private final PredictorEvents events;
    private final PredictorMetrics metrics;
    private final Deque<SubmittedPoll> submitted = new ArrayDeque<>();

    public PollAnswerer(Classifier classifier, PredictorEvents events, PredictorMetrics metrics) {
        this.classifier = classifier;
        this.events = events;
        this.metrics = metrics;
    }

    /** Queues every request of a poll for classification; a request that cannot be decoded fails its result. */
    public void submit(List<ConsumerRecord<String, byte[]>> records) {
        List<CompletableFuture<Prediction>> results = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            metrics.request("kafka");
            try {
                results.add(classifier.classify(RequestImages.decode(record.value())));
            } catch (Exception e) {
                results.add(CompletableFuture.failedFuture(e));
            }
        }
        submitted.add(new SubmittedPoll(List.copyOf(records), results));
    }

    /**
     * Answers and commits the submitted polls, oldest first, all but the newest {@code keep}. If one cannot be
     * answered (a result not acknowledged, or the predictor or its consumer stopping), the consumer is rewound to
     * the first request not committed, so that it and every later one are read again, and the failure is thrown;
     * stopping as a {@link ShuttingDownException}.
     */
    public void answer(Consumer<?, ?> consumer, int keep) {
        try {
            while (submitted.size() > keep) {
                SubmittedPoll poll = submitted.peekFirst();
                publish(poll).join();
                // every result and dead letter of the poll acknowledged before its offsets are committed
                consumer.commitSync(nextOffsets(poll.records()));
                submitted.removeFirst();
            }
        } catch (WakeupException closing) {
            rewind(consumer);
            consumer.wakeup(); // the consumer is closing: its next poll must see the wake-up this commit took
            throw new ShuttingDownException();
        } catch (RuntimeException e) {
            rewind(consumer);
            throw e;
        }
    }

    private CompletableFuture<Void> publish(SubmittedPoll poll) {
        List<CompletableFuture<?>> sent = new ArrayList<>(poll.records().size());
        for (int i = 0; i < poll.records().size(); i++) {
            sent.add(publish(poll.records().get(i), poll.results().get(i)));
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<?> publish(ConsumerRecord<String, byte[]> record, CompletableFuture<Prediction> result) {
        String id = record.key() == null ? "" : record.key();
        try {
            Prediction prediction = result.join();
            double latency = Math.max(0, System.currentTimeMillis() - record.timestamp());
            metrics.latency("kafka", latency);
            return events.classified(id, new ImageClassified(id, prediction.top(), prediction.modelId(),
                    prediction.modelVersion(), latency));
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof ShuttingDownException stopping) {
                throw stopping; // not the request's fault: left uncommitted, so it is answered after a restart
            }
            metrics.failure("kafka");
            metrics.deadLetter("kafka");
            return events.deadLetter(id, record.value() == null ? new byte[0] : record.value(),
                    "cannot classify: " + cause.getMessage(),
                    record.topic() + "/" + record.partition() + "@" + record.offset());
        }
    }

    /** Seeks every partition still assigned to its first request not committed and forgets the submitted polls. */
    private void rewind(Consumer<?, ?> consumer) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (SubmittedPoll poll : submitted) {
            for (ConsumerRecord<String, byte[]> record : poll.records()) {
                first.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset());
            }
        }
        first.forEach((partition, offset) -> {
            if (consumer.assignment().contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
        LOG.info("{} unanswered requests of {} polls will be read again", submitted.stream()
                .mapToInt(p -> p.records().size()).sum(), submitted.size());
        submitted.clear();
    }

    /** The offset after the last record of each partition in {@code records}: what a commit of them stores. */
    static Map<TopicPartition, OffsetAndMetadata> nextOffsets(List<? extends ConsumerRecord<?, ?>> records) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecord<?, ?> record : records) {
            next.merge(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return next;
    }
}
