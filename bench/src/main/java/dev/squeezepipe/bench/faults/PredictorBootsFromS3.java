package dev.squeezepipe.bench.faults;

import dev.squeezepipe.bench.stack.S3Reader;
import dev.squeezepipe.bench.stack.ServiceProcess;
import dev.squeezepipe.bench.stack.Waits;
import dev.squeezepipe.storage.CheckpointSidecar;
import dev.squeezepipe.storage.ObjectLayout;
import dev.squeezepipe.topics.Topics;
import io.micronaut.serde.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;

/**
 * A predictor started after every record of the checkpoint and evaluation topics was deleted (as retention would):
 * it learns the checkpoints from S3 and serves the newest one there.
 */
final class PredictorBootsFromS3 implements FaultScenario {

    private static final List<String> EMPTIED = List.of(Topics.CHECKPOINTS, Topics.EVALUATIONS);

    private final ObjectMapper json = ObjectMapper.getDefault();

    @Override
    public String name() {
        return "predictor-starts-with-topics-emptied";
    }

    @Override
    public Outcome run(FaultRun run) throws Exception {
        // the evaluator must have scored every checkpoint before its events go
        if (!Waits.until(run.settings().settleTimeout(), () -> unevaluated(run).isEmpty())) {
            return Outcome.failed("checkpoints still unevaluated before the topics were emptied: " + unevaluated(run));
        }
        Waits.until(run.settings().startTimeout(), run.log()::caughtUp);
        long deleted = emptyTopics(run.stack().bootstrapServers());
        if (deleted == 0) {
            return Outcome.inconclusive("the checkpoint and evaluation topics held no records to delete");
        }
        CheckpointSidecar newest = newestInS3(run.stack().s3());
        ServiceProcess predictor = run.startPredictor("predictor-bootstrap");
        try {
            run.awaitHealthy(List.of(predictor));
            boolean serving = Waits.until(run.settings().startTimeout(), () -> served(predictor) != null);
            String served = serving ? served(predictor) : null;
            String detail = deleted + " record(s) deleted; newest checkpoint in S3 " + newest.checkpoint().id()
                    + "; the new predictor serves " + served;
            return newest.checkpoint().id().equals(served) ? Outcome.passed(detail) : Outcome.failed(detail);
        } finally {
            predictor.terminate(Duration.ofSeconds(30));
            run.predictors().remove(predictor);
        }
    }

    private static List<String> unevaluated(FaultRun run) {
        try {
            return run.truth().unevaluatedCheckpoints(run.stack().s3());
        } catch (Exception e) {
            return List.of("(S3 unreadable: " + e + ")");
        }
    }

    /** Deletes every record of the emptied topics; returns how many there were. */
    private static long emptyTopics(String bootstrapServers) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(p)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : EMPTIED) {
                for (int i = 0; i < Topics.spec(topic).partitions(); i++) {
                    latest.put(new TopicPartition(topic, i), OffsetSpec.latest());
                }
            }
            Map<TopicPartition, RecordsToDelete> deletions = new HashMap<>();
            long records = 0;
            for (var end : admin.listOffsets(latest).all().get().entrySet()) {
                deletions.put(end.getKey(), RecordsToDelete.beforeOffset(end.getValue().offset()));
                records += end.getValue().offset();
            }
            admin.deleteRecords(deletions).all().get();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            latest.keySet().forEach(tp -> earliest.put(tp, OffsetSpec.earliest()));
            var starts = admin.listOffsets(earliest).all().get();
            var ends = admin.listOffsets(latest).all().get();
            for (TopicPartition tp : latest.keySet()) {
                if (starts.get(tp).offset() != ends.get(tp).offset()) {
                    throw new IllegalStateException(tp + " still holds records after their deletion");
                }
            }
            return records;
        }
    }

    /** The newest checkpoint stored: the one made last, then the later epoch and step. */
    private static CheckpointSidecar newestInS3(S3Reader s3) throws Exception {
        List<CheckpointSidecar> sidecars = new ArrayList<>();
        for (String key : s3.keys(ObjectLayout.CHECKPOINTS_BUCKET)) {
            if (ObjectLayout.isCheckpointSidecarKey(key)) {
                sidecars.add(s3.read(ObjectLayout.CHECKPOINTS_BUCKET, key, CheckpointSidecar.class));
            }
        }
        return sidecars.stream().max(Comparator.<CheckpointSidecar, Instant>comparing(
                s -> s.checkpoint().createdAt()).thenComparingInt(s -> s.checkpoint().epoch())
                .thenComparingLong(s -> s.checkpoint().step())).orElseThrow();
    }

    /** The checkpoint id {@code predictor} serves, or null while it serves none. */
    private String served(ServiceProcess predictor) {
        try {
            HttpResponse<String> response = predictor.get("/model");
            return response.statusCode() == 200
                    ? (String) json.readValue(response.body(), Map.class).get("checkpointId") : null;
        } catch (Exception e) {
            return null;
        }
    }
}
