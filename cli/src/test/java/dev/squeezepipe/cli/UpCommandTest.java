package dev.squeezepipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What `./pipeline up` prints about the services it started. */
class UpCommandTest {

    @Test
    void printsThePortEachServiceReallyListensOn() {
        Map<String, Object> anyPort = Map.of("micronaut.server.port", -1);
        try (EmbeddedServer ingest = ApplicationContext.run(EmbeddedServer.class, anyPort);
                EmbeddedServer trainer = ApplicationContext.run(EmbeddedServer.class, anyPort)) {
            List<String> printed = UpCommand.addresses(
                    List.of(ingest.getApplicationContext(), trainer.getApplicationContext()));
            assertEquals(List.of("ingest http://" + ingest.getHost() + ":" + ingest.getPort() + "/",
                    "trainer http://" + trainer.getHost() + ":" + trainer.getPort() + "/"), printed);
        }
    }
}
