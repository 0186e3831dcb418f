package dev.squeezepipe.cli;

import dev.squeezepipe.topics.TopicSpec;
import dev.squeezepipe.topics.Topics;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints the {@code kafka-topics.sh} lines that create the catalogue's topics on a broker with auto-creation off:
 * compose's {@code kafka-init} runs exactly these (StackConfigTest checks), so the catalogue stays their one source.
 */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Print the kafka-topics.sh lines that create every topic of the catalogue.")
final class TopicsCommand implements Runnable {

    @Option(names = "--bootstrap", defaultValue = "kafka:9092",
            description = "broker address (default: ${DEFAULT-VALUE})")
    String bootstrap;

    @Override
    public void run() {
        lines(bootstrap).forEach(System.out::println);
    }

    /** One line per topic of the catalogue, in its order. */
    static List<String> lines(String bootstrap) {
        return Topics.ALL.stream().map(topic -> line(bootstrap, topic)).toList();
    }

    private static String line(String bootstrap, TopicSpec topic) {
        return "/opt/kafka/bin/kafka-topics.sh --bootstrap-server " + bootstrap + " --create --if-not-exists --topic "
                + topic.name() + " --partitions " + topic.partitions() + " --replication-factor 1 --config "
                + "max.message.bytes=" + Topics.MAX_MESSAGE_BYTES
                + (topic.compacted() ? " --config cleanup.policy=compact" : "")
                + (topic.retention() == null ? "" : " --config retention.ms=" + topic.retention().toMillis());
    }
}
