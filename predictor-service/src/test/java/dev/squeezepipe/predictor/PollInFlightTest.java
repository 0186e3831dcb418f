package dev.squeezepipe.predictor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.squeezepipe.errors.Failures;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PollInFlightTest {

    private static final TopicPartition P0 = new TopicPartition("requests", 0);
    private static final TopicPartition P2 = new TopicPartition("requests", 2);

    private static ConsumerRecord<String, byte[]> record(TopicPartition partition, long offset) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, "id-" + offset, new byte[0]);
    }

    @Test
    void seeksToEachPartitionsFirstRequestAndCommitsPastItsLast() {
        PollInFlight poll = new PollInFlight(List.of(record(P0, 7), record(P2, 40), record(P0, 8), record(P2, 41),
                record(P0, 9)));
        assertEquals(Map.of(P0, 7L, P2, 40L), poll.firstOffsets());
        assertEquals(Map.of(P0, new OffsetAndMetadata(10), P2, new OffsetAndMetadata(42)), poll.commitOffsets());
    }

    @Test
    void isAnsweredOnlyOnceEveryAcknowledgementIsInAndKeepsTheFailure() {
        PollInFlight poll = new PollInFlight(List.of(record(P0, 0)));
        CompletableFuture<Void> sent = new CompletableFuture<>();
        poll.acknowledgedWhen(sent);
        assertFalse(poll.answered());
        sent.completeExceptionally(new IllegalStateException("broker gone"));
        poll.await();
        assertTrue(poll.answered());
        assertEquals("broker gone", Failures.unwrap(poll.failure()).getMessage());
        PollInFlight fine = new PollInFlight(List.of(record(P0, 1)));
        fine.acknowledgedWhen(CompletableFuture.completedFuture(null));
        assertNull(fine.failure());
    }
}
