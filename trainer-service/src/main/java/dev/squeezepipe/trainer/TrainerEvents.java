package dev.squeezepipe.trainer;

import dev.squeezepipe.events.CheckpointPublished;
import dev.squeezepipe.events.TrainingJobStatusChanged;
import dev.squeezepipe.events.TrainingJobSubmitted;
import dev.squeezepipe.topics.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.messaging.annotation.MessageHeader;

/** What trainers publish; sends block until the broker acknowledges. */
@KafkaClient(id = "trainer-events", acks = KafkaClient.Acknowledge.ALL)
public interface TrainerEvents {

    @Topic(Topics.TRAINING_JOBS)
    void submit(@KafkaKey String jobId, TrainingJobSubmitted job);

    @Topic(Topics.TRAINING_JOB_STATUS)
    void status(@KafkaKey String jobId, TrainingJobStatusChanged status);

    @Topic(Topics.CHECKPOINTS)
    void checkpoint(@KafkaKey String runId, CheckpointPublished checkpoint);

    /** A job record that can never run, byte for byte, with the reason and where it came from in headers. */
    @Topic(Topics.TRAINING_JOBS_DLQ)
    void deadLetter(@KafkaKey String key, byte[] original, @MessageHeader(Topics.HEADER_DLQ_REASON) String reason,
            @MessageHeader(Topics.HEADER_DLQ_ORIGIN) String origin);
}
