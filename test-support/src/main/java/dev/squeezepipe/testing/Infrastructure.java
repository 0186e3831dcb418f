package dev.squeezepipe.testing;

import java.util.Map;

/** A real Kafka broker and a real S3 server for integration tests, however they were started. */
public interface Infrastructure {

    String name();

    String kafkaBootstrapServers();

    String s3Endpoint();

    String s3AccessKey();

    String s3SecretKey();

    /** The Micronaut properties that point a service at this infrastructure. */
    default Map<String, String> serviceProperties() {
        return Map.of(
                "kafka.bootstrap.servers", kafkaBootstrapServers(),
                "s3.endpoint", s3Endpoint(),
                "s3.access-key", s3AccessKey(),
                "s3.secret-key", s3SecretKey());
    }
}
