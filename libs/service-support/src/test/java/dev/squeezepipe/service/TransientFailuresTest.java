package dev.squeezepipe.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.squeezepipe.errors.CorruptDataException;
import io.micronaut.messaging.exceptions.MessagingClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void s3AndBrokerOutagesMayPassHoweverTheyAreWrapped() {
        assertTrue(TransientFailures.isTransient(new IOException("cannot store checkpoints/x: connection refused")));
        assertTrue(TransientFailures.isTransient(new UncheckedIOException(new IOException("S3 away"))));
        // a blocking @KafkaClient send that timed out while the broker was away
        assertTrue(TransientFailures.isTransient(new MessagingClientException("send failed",
                new ExecutionException(new TimeoutException("expired after 30000 ms")))));
    }

    @Test
    void corruptDataRefusedAccessAndBugsDoNot() {
        assertFalse(TransientFailures.isTransient(new CorruptDataException("corrupt shard datasets/x")));
        assertFalse(TransientFailures.isTransient(new IllegalStateException("wrapped",
                new CorruptDataException("corrupt shard datasets/x"))), "a permanent cause wins over its wrapper");
        assertFalse(TransientFailures.isTransient(new TopicAuthorizationException("checkpoints")));
        assertFalse(TransientFailures.isTransient(new ArithmeticException("loss became NaN")));
        assertFalse(TransientFailures.isTransient(new NullPointerException()));
    }
}
