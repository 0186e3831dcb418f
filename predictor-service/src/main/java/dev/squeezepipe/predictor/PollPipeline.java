package dev.squeezepipe.predictor;

import dev.squeezepipe.errors.Failures;
import dev.squeezepipe.service.Backoff;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Answers the request topic a burst at a time, so that the inference threads do not wait at poll boundaries.
 * While one poll's requests are in inference, the consumer polls again and queues the next poll's requests behind
 * them. Polls are committed in order, each once all its results and dead letters are acknowledged. If a poll
 * cannot be answered (a send failed, or the predictor is stopping), the consumer is sought back to it, and its
 * requests and the ones after it come again, after a wait that doubles with each failure in a row (1 s to 30 s), so a
 * broker away or a refused send does not spin inference and sends in a loop. {@link #drain} returns only when nothing is in flight, so when the
 * topic goes idle, every answered request is committed. A rebalance first commits what has been answered.
 *
 * <p>The state belongs to the single consumer thread of {@link ClassificationListener}, and every call happens on
 * that thread.
 */
@Singleton
@Requires(env = "predictor")
public class PollPipeline {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PollPipeline.class);
    /** One poll in inference and the next queued behind it: enough to keep the threads busy, and bounded. */
    private static final int MAX_IN_FLIGHT = 2;
    /** How long a poll made while requests are in inference waits for more; an answered poll waits as long. */
    private static final Duration LOOK_AHEAD = Duration.ofMillis(5);

    /** The wait before a failed poll is polled again, doubled for each failure in a row up to the most. */
    private static final Duration RETRY_FIRST = Duration.ofSeconds(1);
    /** Well within max.poll.interval.ms, so a waiting consumer keeps its partitions. */
    private static final Duration RETRY_MAX = Duration.ofSeconds(30);

    private final RequestAnswerer answerer;
    private final PredictorMetrics metrics;
    private final Deque<PollInFlight> inFlight = new ArrayDeque<>();
    private Consumer<String, byte[]> consumer;
    private Duration retryWait = RETRY_FIRST;

    public PollPipeline(RequestAnswerer answerer, PredictorMetrics metrics) {
        this.answerer = answerer;
        this.metrics = metrics;
    }

    /** Answers {@code records} and whatever {@code consumer} polls after them, until nothing is left in flight. */
    void drain(List<ConsumerRecord<String, byte[]>> records, Consumer<String, byte[]> consumer) {
        this.consumer = consumer;
        try {
            inFlight.add(answerer.answer(records));
            while (!inFlight.isEmpty()) {
                if (inFlight.size() < MAX_IN_FLIGHT) {
                    pollAhead();
                } else {
                    inFlight.peek().await();
                }
                commitAnswered(Set.of());
            }
        } catch (WakeupException e) {
            try {
                settle(Set.of());
            } finally {
                consumer.wakeup(); // the consumer is being stopped: the poll loop around this call must see it too
            }
        } catch (RuntimeException e) {
            rewind(Set.of(), Failures.reason(e)); // no request in flight may be skipped by the retry's seek
            throw e;
        } finally {
            abandonAll(); // left only by an exception: uncommitted, so polled again
            this.consumer = null;
        }
    }

    /** Partitions are about to be reassigned: their answered polls are committed first, the rest abandoned. */
    void revoked(Collection<TopicPartition> partitions) {
        if (consumer != null && !inFlight.isEmpty()) {
            LOG.info("Partitions {} revoked with {} polls in flight: committing what is answered first", partitions,
                    inFlight.size());
            settle(Set.copyOf(partitions));
        }
    }

    /** Partitions were taken away without a chance to commit: what is in flight will be answered elsewhere. */
    void lost() {
        abandonAll();
    }

    private void abandonAll() {
        inFlight.forEach(PollInFlight::abandon);
        inFlight.clear();
    }

    private void pollAhead() {
        ConsumerRecords<String, byte[]> more = consumer.poll(LOOK_AHEAD);
        if (!more.isEmpty()) {
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(more.count());
            more.forEach(records::add);
            inFlight.add(answerer.answer(records));
        }
    }

    private void settle(Set<TopicPartition> revoked) {
        while (!inFlight.isEmpty()) {
            inFlight.peek().await();
            commitAnswered(revoked);
        }
    }

    /** Commits the answered polls at the head of the queue, in order; a failed one rewinds to it. */
    private void commitAnswered(Set<TopicPartition> revoked) {
        while (!inFlight.isEmpty() && inFlight.peek().answered()) {
            PollInFlight head = inFlight.peek();
            Throwable failure = head.failure();
            if (failure != null) {
                rewind(revoked, Failures.reason(Failures.unwrap(failure)));
                backOff();
                return;
            }
            try {
                consumer.commitSync(head.commitOffsets());
            } catch (WakeupException e) {
                throw e;
            } catch (KafkaException e) { // the group is rebalancing: whoever owns the partitions next answers again
                rewind(revoked, "commit failed: " + Failures.reason(e));
                return;
            }
            inFlight.remove();
            retryWait = RETRY_FIRST;
        }
    }

    /**
     * Waits before the rewound requests are polled again, in a poll of paused partitions: the consumer stays in its
     * group, and a shutdown's wakeup ends the wait at once. A record polled from a partition assigned meanwhile
     * is sought back, to come again after the wait.
     */
    private void backOff() {
        metrics.redelivery();
        Set<TopicPartition> owned = Set.copyOf(consumer.assignment());
        consumer.pause(owned);
        try {
            ConsumerRecords<String, byte[]> unexpected = consumer.poll(retryWait);
            for (TopicPartition partition : unexpected.partitions()) {
                consumer.seek(partition, unexpected.records(partition).get(0).offset());
            }
        } finally {
            Set<TopicPartition> stillOwned = new HashSet<>(consumer.assignment());
            stillOwned.retainAll(owned);
            consumer.resume(stillOwned);
        }
        retryWait = Backoff.doubled(retryWait, RETRY_MAX);
    }

    /** Abandons every poll in flight and seeks the partitions still ours back to their first uncommitted request. */
    private void rewind(Set<TopicPartition> revoked, String reason) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (PollInFlight poll : inFlight) {
            poll.abandon();
            poll.firstOffsets().forEach((partition, offset) -> first.merge(partition, offset, Math::min));
        }
        inFlight.clear();
        Set<TopicPartition> owned = consumer.assignment();
        first.forEach((partition, offset) -> {
            if (owned.contains(partition) && !revoked.contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
        LOG.warn("Requests from {} will be polled again in {} s: {}", first, retryWait.toSeconds(), reason);
    }
}
