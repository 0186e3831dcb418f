package dev.squeezepipe.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.squeezepipe.infra.EmbeddedS3;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The object store rides out an S3 server that goes away and comes back, and gives up on what cannot succeed. */
class ObjectStoreRetryTest {

    private static final byte[] BYTES = "a shard".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path data;

    private int port;
    private EmbeddedS3 s3;

    @BeforeEach
    void startS3() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // a fixed port, so the server comes back where the client looks
        }
        s3 = EmbeddedS3.start(data, port, "key", "secret");
    }

    @AfterEach
    void stopS3() throws Exception {
        s3.close();
    }

    private ApplicationContext service(String giveUpAfter) {
        return ApplicationContext.run(Map.of("s3.endpoint", s3.endpoint(), "s3.access-key", "key",
                "s3.secret-key", "secret", "s3.retry-first", "100ms", "s3.retry-max", "500ms",
                "s3.retry-give-up-after", giveUpAfter));
    }

    private static double retries(ApplicationContext context, String operation) {
        var counter = context.getBean(MeterRegistry.class).find("s3.retries").tag("operation", operation).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aPutDuringAnOutageLandsOnceTheServerIsBackAndCountsItsRetries() throws Exception {
        try (ApplicationContext context = service("30s")) {
            ObjectStore store = context.getBean(ObjectStore.class);
            store.ensureBucket("outage");
            s3.close();
            CompletableFuture<Void> put = CompletableFuture.runAsync(() -> {
                try {
                    store.put("outage", "k", BYTES, "application/octet-stream");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> retries(context, "put") >= 2);
            assertFalse(put.isDone(), "the put waits for the server");
            s3 = EmbeddedS3.start(data, port, "key", "secret");
            put.get(30, TimeUnit.SECONDS);
            assertArrayEquals(BYTES, store.get("outage", "k"));
        }
    }

    @Test
    void aMissingObjectFailsAtOnceWithoutRetrying() throws Exception {
        try (ApplicationContext context = service("30s")) {
            ObjectStore store = context.getBean(ObjectStore.class);
            store.ensureBucket("present");
            long start = System.nanoTime();
            IOException e = assertThrows(IOException.class, () -> store.get("present", "absent"));
            assertTrue(e.getMessage().startsWith("cannot fetch present/absent: "), e.getMessage());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "no retries");
            assertEquals(0, retries(context, "get"));
        }
    }

    @Test
    void anOutageLongerThanTheRetryWindowFailsNamingTheObject() throws Exception {
        try (ApplicationContext context = service("1s")) {
            ObjectStore store = context.getBean(ObjectStore.class);
            store.ensureBucket("gone");
            s3.close();
            IOException e = assertThrows(IOException.class,
                    () -> store.put("gone", "k", BYTES, "application/octet-stream"));
            assertTrue(e.getMessage().startsWith("cannot store gone/k: "), e.getMessage());
            assertTrue(retries(context, "put") >= 1, "it retried before giving up");
            s3 = EmbeddedS3.start(data, port, "key", "secret");
        }
    }
}
