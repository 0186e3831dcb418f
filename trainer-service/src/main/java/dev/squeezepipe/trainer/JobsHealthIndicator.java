package dev.squeezepipe.trainer;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The {@code jobs} component of the trainer's health: UP while its job loop polls the job topic; DOWN, with the
 * reason, before its first poll, after its consumer failed until a new one polls, and when it has not polled for
 * longer than a healthy loop ever takes.
 */
@Singleton
@Requires(env = "trainer")
@Requires(beans = HealthEndpoint.class)
public class JobsHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final JobConsumer consumer;

    public JobsHealthIndicator(JobConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        JobLoopState state = consumer.state();
        long now = System.nanoTime();
        healthStatus = state.healthy(now) ? HealthStatus.UP : HealthStatus.DOWN;
        return state.details(now);
    }

    @Override
    protected String getName() {
        return "jobs";
    }
}
