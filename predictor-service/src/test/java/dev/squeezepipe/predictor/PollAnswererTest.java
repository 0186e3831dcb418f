package dev.squeezepipe.predictor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PollAnswererTest {

    @Test
    void commitsTheOffsetAfterTheLastRecordOfEachPartition() {
        List<ConsumerRecord<String, byte[]>> records = List.of(record(0, 7), record(1, 3), record(0, 9), record(0, 8),
                record(1, 2));
        assertEquals(Map.of(new TopicPartition("requests", 0), new OffsetAndMetadata(10),
                new TopicPartition("requests", 1), new OffsetAndMetadata(4)), PollAnswerer.nextOffsets(records));
    }

    private static ConsumerRecord<String, byte[]> record(int partition, long offset) {
        return new ConsumerRecord<>("requests", partition, offset, "id", new byte[0]);
    }
}
