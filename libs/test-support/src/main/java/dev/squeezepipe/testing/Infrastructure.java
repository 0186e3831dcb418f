package dev.squeezepipe.testing;

import dev.squeezepipe.infra.ServiceProperties;
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
        return ServiceProperties.of(kafkaBootstrapServers(), s3Endpoint(), s3AccessKey(), s3SecretKey());
    }
}
