package dev.squeezepipe.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.squeezepipe.topics.Topics;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalInfrastructureTest {

    @TempDir
    Path dir;

    private static Set<String> topics(String bootstrap) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            return admin.listTopics().names().get();
        }
    }

    @Test
    void startsBrokerWithEveryCatalogueTopicAndKeepsThemAcrossRestart() throws Exception {
        try (LocalInfrastructure infra = LocalInfrastructure.start(dir)) {
            Set<String> names = topics(infra.kafkaBootstrapServers());
            Topics.ALL.forEach(t -> assertTrue(names.contains(t.name()), t.name() + " missing from " + names));
            assertTrue(infra.s3Endpoint().startsWith("http://127.0.0.1:"));
        }
        try (EmbeddedKafka restarted = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
            assertEquals(true, topics(restarted.bootstrapServers()).contains(Topics.TRAINING_JOBS),
                    "topics survive a restart on the same data directory");
        }
    }
}
