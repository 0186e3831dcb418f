package dev.squeezepipe.service;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

/** The S3 client is built only from configuration, and says which setting is missing. */
class MinioClientFactoryTest {

    @Test
    void buildsAClientFromConfiguration() {
        assertNotNull(new MinioClientFactory().minioClient(settings("http://s3.example:9000", "key", "secret")));
    }

    @Test
    void refusesAMissingEndpointNamingTheSetting() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new MinioClientFactory().minioClient(settings("", "key", "secret")));
        assertTrue(e.getMessage().contains("S3_ENDPOINT"), e.getMessage());
    }

    @Test
    void refusesMissingKeysNamingTheSettings() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new MinioClientFactory().minioClient(settings("http://s3.example:9000", "key", "")));
        assertTrue(e.getMessage().contains("S3_SECRET_KEY"), e.getMessage());
    }

    private static S3Settings settings(String endpoint, String accessKey, String secretKey) {
        S3Settings settings = new S3Settings();
        settings.setEndpoint(endpoint);
        settings.setAccessKey(accessKey);
        settings.setSecretKey(secretKey);
        return settings;
    }
}
