package dev.squeezepipe.service;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;

/** {@code /health} component "s3": UP when the S3 server answers with the configured keys. */
@Singleton
@Requires(beans = HealthEndpoint.class)
public class S3HealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final ObjectStore store;
    private final S3Settings settings;

    public S3HealthIndicator(ObjectStore store, S3Settings settings) {
        this.store = store;
        this.settings = settings;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        try {
            int buckets = store.ping();
            healthStatus = HealthStatus.UP;
            return Map.of("endpoint", settings.endpoint(), "buckets", buckets);
        } catch (Exception e) {
            healthStatus = HealthStatus.DOWN;
            return Map.of("endpoint", settings.endpoint(), "error", String.valueOf(e.getMessage()));
        }
    }

    @Override
    protected String getName() {
        return "s3";
    }
}
