package dev.squeezepipe.testing;

import dev.squeezepipe.infra.LocalInfrastructure;
import dev.squeezepipe.infra.TopicCreator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The two ways tests get real infrastructure, each started once per JVM and stopped at exit: the embedded
 * default (in-process KRaft broker and S3Proxy), and Testcontainers ({@code apache/kafka}, {@code minio/minio})
 * where a Docker engine runs. Container tests carry {@code @EnabledIf(Infrastructures.DOCKER)} and are
 * skipped cleanly elsewhere.
 */
public final class Infrastructures {

    /** For {@code @EnabledIf}: whether a Docker engine answers. */
    public static final String DOCKER = "dev.squeezepipe.testing.Infrastructures#dockerAvailable";

    private static Infrastructure embedded;
    private static Infrastructure containers;

    private Infrastructures() {}

    /** Whether Testcontainers can reach a Docker engine. */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** The in-process broker and S3 server, started on first use. */
    public static synchronized Infrastructure embedded() {
        if (embedded == null) {
            try {
                Path dir = Files.createTempDirectory("squeezepipe-it-");
                LocalInfrastructure local = LocalInfrastructure.start(dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(local)));
                embedded = new Started("embedded", local.kafkaBootstrapServers(), local.s3Endpoint(),
                        local.s3AccessKey(), local.s3SecretKey());
            } catch (Exception e) {
                throw new IllegalStateException("could not start the embedded Kafka broker and S3 server", e);
            }
        }
        return embedded;
    }

    /** Kafka and MinIO in containers, started on first use; callers check {@link #dockerAvailable()} first. */
    @SuppressWarnings("resource") // stopped by Testcontainers' reaper and the shutdown hook
    public static synchronized Infrastructure containers() {
        if (containers == null) {
            String user = "it" + randomHex(4);
            String password = randomHex(16);
            KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1")
                    .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
            MinIOContainer minio = new MinIOContainer("minio/minio:RELEASE.2025-09-07T16-13-09Z")
                    .withUserName(user).withPassword(password);
            kafka.start();
            minio.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.stop();
                minio.stop();
            }));
            try {
                TopicCreator.createAll(kafka.getBootstrapServers());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topics", e);
            }
            containers = new Started("testcontainers", kafka.getBootstrapServers(), minio.getS3URL(), user, password);
        }
        return containers;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // the JVM is exiting; nothing is left to protect
        }
    }

    private record Started(String name, String kafkaBootstrapServers, String s3Endpoint, String s3AccessKey,
            String s3SecretKey) implements Infrastructure {}
}
