package dev.squeezepipe.infra;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The embedded default: a real Kafka broker with the catalogue's topics and a real S3 server, both on
 * loopback, with data under one directory. S3 credentials are generated per start unless given.
 */
public final class LocalInfrastructure implements AutoCloseable {

    private final KafkaBroker kafka;
    private final EmbeddedS3 s3;
    private final String accessKey;
    private final String secretKey;

    private LocalInfrastructure(KafkaBroker kafka, EmbeddedS3 s3, String accessKey, String secretKey) {
        this.kafka = kafka;
        this.s3 = s3;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** Starts both servers in this JVM on free ports with fresh random credentials. */
    public static LocalInfrastructure start(Path dataDir) throws Exception {
        return start(dataDir, BrokerPlacement.IN_PROCESS);
    }

    /** Starts both servers on free ports with fresh random credentials, the broker where {@code placement} says. */
    public static LocalInfrastructure start(Path dataDir, BrokerPlacement placement) throws Exception {
        return start(dataDir, placement, 0, 0, randomKey(10), randomKey(20));
    }

    /** Starts both servers; a port of 0 picks a free one. The S3 server always runs in this JVM. */
    public static LocalInfrastructure start(Path dataDir, BrokerPlacement placement, int kafkaPort, int s3Port,
            String accessKey, String secretKey) throws Exception {
        Path kafkaData = dataDir.resolve("kafka");
        KafkaBroker kafka = placement == BrokerPlacement.CHILD_PROCESS
                ? KafkaChildProcess.start(kafkaData, kafkaPort, dataDir.resolve("kafka-broker.log"))
                : EmbeddedKafka.start(kafkaData, kafkaPort);
        try {
            TopicCreator.createAll(kafka.bootstrapServers());
            EmbeddedS3 s3 = EmbeddedS3.start(dataDir.resolve("s3"), s3Port, accessKey, secretKey);
            return new LocalInfrastructure(kafka, s3, accessKey, secretKey);
        } catch (Exception e) {
            kafka.close();
            throw e;
        }
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String s3Endpoint() {
        return s3.endpoint();
    }

    public String s3AccessKey() {
        return accessKey;
    }

    public String s3SecretKey() {
        return secretKey;
    }

    @Override
    public void close() throws Exception {
        try {
            s3.close();
        } finally {
            kafka.close();
        }
    }

    /** A fresh random credential of {@code bytes} random bytes, hex-encoded. */
    public static String randomKey(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
