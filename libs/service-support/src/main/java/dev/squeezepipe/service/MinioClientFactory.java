package dev.squeezepipe.service;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import io.minio.MinioClient;
import jakarta.inject.Singleton;

/** Builds the MinIO client from {@link S3Settings}. */
@Factory
public class MinioClientFactory {

    @Singleton
    MinioClient minioClient(S3Settings settings) {
        if (settings.getEndpoint().isBlank()) {
            throw new ConfigurationException("S3 endpoint missing: set S3_ENDPOINT (s3.endpoint)");
        }
        if (settings.getAccessKey().isBlank() || settings.getSecretKey().isBlank()) {
            throw new ConfigurationException("S3 credentials missing: set S3_ACCESS_KEY and S3_SECRET_KEY"
                    + " (s3.access-key and s3.secret-key)");
        }
        return MinioClient.builder()
                .endpoint(settings.getEndpoint())
                .credentials(settings.getAccessKey(), settings.getSecretKey())
                .region(settings.getRegion())
                .build();
    }
}
