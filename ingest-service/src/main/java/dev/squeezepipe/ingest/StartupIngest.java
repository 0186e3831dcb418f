package dev.squeezepipe.ingest;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/** Queues the dataset named by {@code ingest.data} (INGEST_DATA) once the service is up. */
@Singleton
@Requires(env = "ingest")
@Requires(property = "ingest.data", pattern = ".+")
public class StartupIngest implements ApplicationEventListener<ServerStartupEvent> {

    private final IngestService service;
    private final IngestSettings settings;

    public StartupIngest(IngestService service, IngestSettings settings) {
        this.service = service;
        this.settings = settings;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        service.submit(IngestRequest.of(settings.data()));
    }
}
