package dev.squeezepipe.service;

import io.micronaut.context.annotation.Factory;
import io.minio.MinioClient;
import jakarta.inject.Singleton;

/** Builds the MinIO client from {@link S3Settings}. */
@Factory
public class MinioClientFactory {

    @Singleton
    MinioClient minioClient(S3Settings settings) {
        return MinioClient.builder()
                .endpoint(settings.endpoint())
                .credentials(settings.accessKey(), settings.secretKey())
                .region(settings.region())
                .build();
    }
}
