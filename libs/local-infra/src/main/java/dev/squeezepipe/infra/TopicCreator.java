package dev.squeezepipe.infra;

import dev.squeezepipe.topics.TopicSpec;
import dev.squeezepipe.topics.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the catalogue's topics explicitly (broker auto-creation is off); existing topics are left alone. */
public final class TopicCreator {

    /** Replication factor on a single-node cluster. */
    private static final short REPLICAS = 1;

    private TopicCreator() {}

    /** Creates every topic of {@link Topics#ALL} that does not exist yet. */
    public static void createAll(String bootstrapServers) throws InterruptedException {
        createAll(bootstrapServers, Topics.ALL);
    }

    public static void createAll(String bootstrapServers, List<TopicSpec> topics) throws InterruptedException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> wanted = topics.stream().map(TopicCreator::newTopic).toList();
            for (var result : admin.createTopics(wanted).values().entrySet()) {
                try {
                    result.getValue().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + result.getKey(), e.getCause());
                    }
                }
            }
        }
    }

    private static NewTopic newTopic(TopicSpec spec) {
        Map<String, String> configs = new HashMap<>(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                spec.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(Topics.MAX_MESSAGE_BYTES)));
        if (spec.retention() != null) {
            configs.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(spec.retention().toMillis()));
        }
        return new NewTopic(spec.name(), spec.partitions(), REPLICAS).configs(configs);
    }
}
