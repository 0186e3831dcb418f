package dev.squeezepipe.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.squeezepipe.topics.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
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

    private static String retentionMs(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get(TopicConfig.RETENTION_MS_CONFIG).value();
        }
    }

    @Test
    void startsBrokerWithEveryCatalogueTopicAndKeepsThemAcrossRestart() throws Exception {
        try (LocalInfrastructure infra = LocalInfrastructure.start(dir)) {
            Set<String> names = topics(infra.kafkaBootstrapServers());
            Topics.ALL.forEach(t -> assertTrue(names.contains(t.name()), t.name() + " missing from " + names));
            assertTrue(infra.s3Endpoint().startsWith("http://127.0.0.1:"));
            assertEquals("86400000", retentionMs(infra.kafkaBootstrapServers(), Topics.CLASSIFICATION_REQUESTS),
                    "users' images are kept a day");
            assertEquals("604800000", retentionMs(infra.kafkaBootstrapServers(), Topics.CLASSIFICATION_REQUESTS_DLQ),
                    "dead letters are kept a week");
        }
        try (EmbeddedKafka restarted = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
            assertEquals(true, topics(restarted.bootstrapServers()).contains(Topics.TRAINING_JOBS),
                    "topics survive a restart on the same data directory");
        }
    }
}
