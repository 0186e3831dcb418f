package dev.squeezepipe.predictor;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;

/** {@code /health} component "model": DOWN until a model is loaded, so the predictor is ready only then. */
@Singleton
@Requires(env = "predictor")
@Requires(beans = HealthEndpoint.class)
public class ModelReadiness extends AbstractHealthIndicator<Map<String, Object>> {

    private final ModelSwapper swapper;

    public ModelReadiness(ModelSwapper swapper) {
        this.swapper = swapper;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        String id = swapper.currentId();
        healthStatus = id == null ? HealthStatus.DOWN : HealthStatus.UP;
        return id == null ? Map.of("model", "none loaded yet") : Map.of("model", id);
    }

    @Override
    protected String getName() {
        return "model";
    }
}
