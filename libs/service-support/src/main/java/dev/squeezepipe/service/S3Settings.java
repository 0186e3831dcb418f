package dev.squeezepipe.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Where the S3 server is and the keys to use: from configuration or environment, never from code. A service whose
 * settings lack one refuses to start, naming the variable to set.
 *
 * @param endpoint the server's URL (S3_ENDPOINT)
 * @param accessKey the access key (S3_ACCESS_KEY)
 * @param secretKey the secret key (S3_SECRET_KEY)
 * @param region the region signed into requests (S3_REGION)
 * @param retryFirst the wait before the first retry of an operation that failed transiently (S3_RETRY_FIRST)
 * @param retryMax the longest wait between two tries (S3_RETRY_MAX)
 * @param retryGiveUpAfter how long after its first try an operation is given up (S3_RETRY_GIVE_UP_AFTER): longer than
 *     the outages a service should ride out
 */
@ConfigurationProperties("s3")
public record S3Settings(
        @NotBlank(message = "S3 endpoint missing: set S3_ENDPOINT (s3.endpoint)") String endpoint,
        @NotBlank(message = "S3 access key missing: set S3_ACCESS_KEY (s3.access-key)") String accessKey,
        @NotBlank(message = "S3 secret key missing: set S3_SECRET_KEY (s3.secret-key)") String secretKey,
        @NotBlank(message = "S3 region missing: set S3_REGION (s3.region)") String region,
        @NotNull(message = "set S3_RETRY_FIRST (s3.retry-first)") Duration retryFirst,
        @NotNull(message = "set S3_RETRY_MAX (s3.retry-max)") Duration retryMax,
        @NotNull(message = "set S3_RETRY_GIVE_UP_AFTER (s3.retry-give-up-after)") Duration retryGiveUpAfter) {

    /** How transient failures are retried. */
    public Backoff backoff() {
        return new Backoff(retryFirst, retryMax, retryGiveUpAfter);
    }
}
