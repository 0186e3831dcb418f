package dev.squeezepipe.ingest;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import org.apache.kafka.clients.admin.AdminClient;

/**
 * Creates micronaut-kafka's admin client when the service starts, so that closing the service closes it too.
 *
 * <p>The ingest service has no Kafka listener, so nothing asks for the admin client until the HTTP server stops and
 * micronaut-kafka's consumer-group manager, a shutdown-event listener, needs one. Created then, while the context is
 * already destroying its beans, it is never closed: its thread retries the stopped broker for the rest of the JVM's
 * life, logging a warning each time (the embedded stack and the tests run several services in one JVM).
 */
@Context
@Requires(env = "ingest")
@Requires(bean = AdminClient.class)
class KafkaAdminAtStartup {

    KafkaAdminAtStartup(AdminClient admin) {
        // taking it is the point: the context now owns an admin client created before any bean was destroyed
    }
}
