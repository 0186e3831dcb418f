package dev.squeezepipe.trainer;

import dev.squeezepipe.events.TrainingJobStatusChanged;
import dev.squeezepipe.schema.UnreadableRecordException;
import dev.squeezepipe.schema.VersionedJson;
import dev.squeezepipe.topics.Topics;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A job's newest status, read from the status topic up to its current end before a trainer accepts the job.
 * Unlike the {@link JobStatusView}, which may still be catching up, this sees every status published so far:
 * the attempt number and "already finished" must not depend on how far a listener has read.
 */
@Singleton
@Requires(env = "trainer")
public class JobHistory {

    private static final Duration POLL = Duration.ofMillis(200);

    private final TrainerSettings settings;
    private final JsonMapper json;

    public JobHistory(TrainerSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
    }

    /** The newest status of {@code jobId} published so far, if any. */
    public Optional<TrainingJobStatusChanged> latest(String jobId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        // a one-off read with assigned partitions: no group, nothing committed
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TRAINING_JOB_STATUS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            TrainingJobStatusChanged latest = null;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (jobId.equals(record.key())) {
                        TrainingJobStatusChanged status = parse(record.value());
                        if (status != null) {
                            latest = latest == null ? status : TrainingJobStatusChanged.standing(latest, status);
                        }
                    }
                }
            }
            return Optional.ofNullable(latest);
        }
    }

    private TrainingJobStatusChanged parse(byte[] value) {
        try {
            return VersionedJson.read(json, value, TrainingJobStatusChanged.class);
        } catch (UnreadableRecordException e) {
            return null; // not a status this build reads (the status view logs and counts it): nothing to learn
        }
    }
}
