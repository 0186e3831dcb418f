package dev.squeezepipe.infra;

import java.util.Map;

/** The configuration properties that point any of the services at a Kafka broker and an S3 server. */
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
}
