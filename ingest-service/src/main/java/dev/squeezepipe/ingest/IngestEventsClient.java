package dev.squeezepipe.ingest;

import dev.squeezepipe.events.DatasetReady;
import dev.squeezepipe.events.DatasetShardAnnounced;
import dev.squeezepipe.events.IngestFailed;
import dev.squeezepipe.topics.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;

/** What the ingest service announces. Sends block until the broker acknowledges, so events keep their order. */
@KafkaClient(id = "ingest-events", acks = KafkaClient.Acknowledge.ALL)
public interface IngestEventsClient {

    @Topic(Topics.DATASET_SHARDS)
    void shardAnnounced(@KafkaKey String datasetId, DatasetShardAnnounced event);

    @Topic(Topics.DATASET_READY)
    void datasetReady(@KafkaKey String datasetId, DatasetReady event);

    @Topic(Topics.INGEST_FAILED)
    void ingestFailed(@KafkaKey String ingestId, IngestFailed event);
}
