package dev.squeezepipe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.squeezepipe.testing.Infrastructures;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The ingest service, HTTP server included, stops every Kafka client it started when it closes. */
class IngestShutdownTest {

    @Test
    void closingTheServiceLeavesNoKafkaAdminClientRunning() {
        Map<String, Object> props = new HashMap<>(Infrastructures.embedded().serviceProperties());
        props.put("micronaut.server.port", -1);
        Set<String> before = adminClientThreads();
        // several rounds: the context destroys its beans in no fixed order, and a leak once hid behind that
        for (int round = 0; round < 3; round++) {
            ApplicationContext service = Micronaut.build(new String[0]).environments("ingest").properties(props)
                    .start();
            service.close();
        }
        Set<String> left = adminClientThreads();
        left.removeAll(before);
        // a leaked admin client retries the broker for the rest of the JVM's life, logging a warning each time
        assertEquals(Set.of(), left, "admin client threads still running after the service closed");
    }

    private static Set<String> adminClientThreads() {
        Set<String> names = new TreeSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("kafka-admin-client-thread")) {
                names.add(thread.getName());
            }
        }
        return names;
    }
}
