package dev.squeezepipe.trainer;

import dev.squeezepipe.events.CheckpointPublished;
import dev.squeezepipe.events.TrainingJobStatusChanged;
import dev.squeezepipe.events.TrainingJobSubmitted;
import dev.squeezepipe.topics.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;

/** What trainers publish; sends block until the broker acknowledges. */
@KafkaClient(id = "trainer-events", acks = KafkaClient.Acknowledge.ALL)
public interface TrainerEvents {

    @Topic(Topics.TRAINING_JOBS)
    void submit(@KafkaKey String jobId, TrainingJobSubmitted job);

    @Topic(Topics.TRAINING_JOB_STATUS)
    void status(@KafkaKey String jobId, TrainingJobStatusChanged status);

    @Topic(Topics.CHECKPOINTS)
    void checkpoint(@KafkaKey String runId, CheckpointPublished checkpoint);
}
