package dev.squeezepipe.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;

/**
 * Where the S3 server is and the keys to use: from configuration or environment, never from code. A service whose
 * settings lack one refuses to start, naming the variable to set.
 *
 * @param endpoint the server's URL (S3_ENDPOINT)
 * @param accessKey the access key (S3_ACCESS_KEY)
 * @param secretKey the secret key (S3_SECRET_KEY)
 * @param region the region signed into requests (S3_REGION)
 */
@ConfigurationProperties("s3")
public record S3Settings(
        @NotBlank(message = "S3 endpoint missing: set S3_ENDPOINT (s3.endpoint)") String endpoint,
        @NotBlank(message = "S3 access key missing: set S3_ACCESS_KEY (s3.access-key)") String accessKey,
        @NotBlank(message = "S3 secret key missing: set S3_SECRET_KEY (s3.secret-key)") String secretKey,
        @NotBlank(message = "S3 region missing: set S3_REGION (s3.region)") String region) {}
