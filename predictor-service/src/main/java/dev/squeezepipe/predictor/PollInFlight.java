package dev.squeezepipe.predictor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One poll's requests on their way to an answer: where they start and end in each partition, and the
 * acknowledgement of all their results and dead letters. An abandoned poll publishes nothing more: its requests
 * will be polled again.
 */
final class PollInFlight {

    private final Map<TopicPartition, Long> firstOffsets = new HashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> commitOffsets = new HashMap<>();
    private CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    private volatile boolean abandoned;

    PollInFlight(List<? extends ConsumerRecord<?, ?>> records) {
        for (ConsumerRecord<?, ?> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            firstOffsets.merge(partition, record.offset(), Math::min);
            commitOffsets.merge(partition, new OffsetAndMetadata(record.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
    }

    /** Each partition's first request of the poll: where to seek to poll them again. */
    Map<TopicPartition, Long> firstOffsets() {
        return firstOffsets;
    }

    /** Each partition's offset after the poll: what to commit once it is answered. */
    Map<TopicPartition, OffsetAndMetadata> commitOffsets() {
        return commitOffsets;
    }

    void acknowledgedWhen(CompletableFuture<Void> allSent) {
        acknowledged = allSent;
    }

    boolean answered() {
        return acknowledged.isDone();
    }

    /** Why the poll could not be answered in full, or null if every result and dead letter was acknowledged. */
    Throwable failure() {
        return acknowledged.handle((ok, error) -> error).join();
    }

    /** Waits until every answer is acknowledged or one has failed. */
    void await() {
        acknowledged.exceptionally(error -> null).join();
    }

    boolean abandoned() {
        return abandoned;
    }

    void abandon() {
        abandoned = true;
    }
}
