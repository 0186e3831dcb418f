package dev.squeezepipe.service;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;

/**
 * Puts every context built where this library is on the classpath in the {@code service} environment, ahead of the
 * service's own, so that what all services share ({@code application-service.yml}: Kafka, S3, the shard cache,
 * health and metrics endpoints) is configured once.
 */
@ContextConfigurer
public final class ServiceEnvironment implements ApplicationContextConfigurer {

    /** The environment of what all services share. */
    public static final String NAME = "service";

    @Override
    public void configure(ApplicationContextBuilder builder) {
        builder.environments(NAME);
    }
}
