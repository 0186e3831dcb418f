package dev.squeezepipe.infra;

import java.util.Map;

/**
 * What points any of the services at a Kafka broker and an S3 server: as configuration properties for a service in
 * this JVM, or as the environment variables a service process reads (the names compose sets).
 */
public final class ServiceProperties {

    private ServiceProperties() {}

    public static Map<String, String> of(String kafkaBootstrapServers, String s3Endpoint, String s3AccessKey,
            String s3SecretKey) {
        return Map.of(
                "kafka.bootstrap.servers", kafkaBootstrapServers,
                "s3.endpoint", s3Endpoint,
                "s3.access-key", s3AccessKey,
                "s3.secret-key", s3SecretKey);
    }

    /** The same settings as {@link #of}, as the environment variables of a service process. */
    public static Map<String, String> environment(String kafkaBootstrapServers, String s3Endpoint, String s3AccessKey,
            String s3SecretKey) {
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers,
                "S3_ENDPOINT", s3Endpoint,
                "S3_ACCESS_KEY", s3AccessKey,
                "S3_SECRET_KEY", s3SecretKey);
    }
}
