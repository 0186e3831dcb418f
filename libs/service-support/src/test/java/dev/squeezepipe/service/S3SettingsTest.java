package dev.squeezepipe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanContextException;
import io.minio.MinioClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A service reads its S3 settings from the shared configuration and refuses to start without them. */
class S3SettingsTest {

    private static Map<String, Object> s3(String endpoint, String accessKey, String secretKey) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("s3.endpoint", endpoint);
        properties.put("s3.access-key", accessKey);
        properties.put("s3.secret-key", secretKey);
        return properties;
    }

    /** The messages of {@code e} and its causes: where a context says what failed validation. */
    private static String reasons(Throwable e) {
        StringBuilder reasons = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            reasons.append(t.getMessage()).append('\n');
        }
        return reasons.toString();
    }

    @Test
    void settingsComeFromTheSharedServiceConfigurationWithTheirDefaults() {
        try (ApplicationContext context = ApplicationContext.run(s3("http://s3.example:9000", "key", "secret"))) {
            assertTrue(context.getEnvironment().getActiveNames().contains(ServiceEnvironment.NAME));
            assertEquals(new S3Settings("http://s3.example:9000", "key", "secret", "us-east-1",
                    Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofMinutes(2)),
                    context.getBean(S3Settings.class));
            context.getBean(MinioClient.class);
        }
    }

    @Test
    void aMissingEndpointStopsTheClientNamingTheVariable() {
        try (ApplicationContext context = ApplicationContext.run(s3("", "key", "secret"))) {
            String reasons = reasons(assertThrows(BeanContextException.class,
                    () -> context.getBean(MinioClient.class)));
            assertTrue(reasons.contains("S3Settings.endpoint - S3 endpoint missing: set S3_ENDPOINT (s3.endpoint)"),
                    reasons);
        }
    }

    @Test
    void missingKeysStopTheClientNamingTheVariables() {
        try (ApplicationContext context = ApplicationContext.run(s3("http://s3.example:9000", "key", ""))) {
            String reasons = reasons(assertThrows(BeanContextException.class,
                    () -> context.getBean(MinioClient.class)));
            assertTrue(reasons.contains("S3Settings.secretKey - S3 secret key missing: set S3_SECRET_KEY "
                    + "(s3.secret-key)"), reasons);
        }
    }
}
