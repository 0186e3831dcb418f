package dev.squeezepipe.bench.faults;

import dev.squeezepipe.bench.stack.EventLog;
import dev.squeezepipe.bench.stack.S3Reader;
import dev.squeezepipe.events.CheckpointEvaluated;
import dev.squeezepipe.events.EvaluationOutcome;
import dev.squeezepipe.events.ImageClassified;
import dev.squeezepipe.events.JobState;
import dev.squeezepipe.events.TrainingJobStatusChanged;
import dev.squeezepipe.storage.CheckpointSidecar;
import dev.squeezepipe.storage.ObjectLayout;
import dev.squeezepipe.topics.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the bench itself sent, against which it counts what the services lost: every job it submitted (to end
 * COMPLETED after its planned epochs), every classification request (answered or dead-lettered), and, read from S3
 * at the end, every checkpoint stored (with one durable evaluation). What arrived more than once is a duplicate.
 */
final class GroundTruth {

    private final Map<String, Integer> jobs = new ConcurrentHashMap<>();
    private final Set<String> requests = ConcurrentHashMap.newKeySet();

    /** What was lost and repeated; {@code problems} names each loss. */
    record Tally(int lost, int duplicates, List<String> problems) {}

    void jobSubmitted(String jobId, int epochs) {
        jobs.put(jobId, epochs);
    }

    void requestSent(String requestId) {
        requests.add(requestId);
    }

    int requestsSent() {
        return requests.size();
    }

    /** The jobs not yet COMPLETED with their planned epochs. */
    List<String> unfinishedJobs(EventLog log) {
        Map<String, List<TrainingJobStatusChanged>> completed = completions(log);
        return jobs.entrySet().stream().filter(job -> completed.getOrDefault(job.getKey(), List.of()).stream()
                .noneMatch(s -> s.epoch() == job.getValue())).map(Map.Entry::getKey).sorted().toList();
    }

    /** The requests neither answered nor dead-lettered yet. */
    List<String> unansweredRequests(EventLog log) {
        Set<String> answered = answers(log).keySet();
        Set<String> deadLettered = log.records(Topics.CLASSIFICATION_REQUESTS_DLQ).stream()
                .map(ConsumerRecord::key).collect(Collectors.toSet());
        return requests.stream().filter(id -> !answered.contains(id) && !deadLettered.contains(id)).sorted()
                .toList();
    }

    /** The checkpoints in S3 that have no evaluation record, or a FAILED one. */
    List<String> unevaluatedCheckpoints(S3Reader s3) throws Exception {
        List<String> missing = new ArrayList<>();
        Set<String> evaluations = s3.keys(ObjectLayout.EVALUATIONS_BUCKET);
        for (String key : s3.keys(ObjectLayout.CHECKPOINTS_BUCKET)) {
            if (!ObjectLayout.isCheckpointSidecarKey(key)) {
                continue;
            }
            CheckpointSidecar.Checkpoint checkpoint = s3.read(ObjectLayout.CHECKPOINTS_BUCKET, key,
                    CheckpointSidecar.class).checkpoint();
            String evaluation = ObjectLayout.evaluationKey(checkpoint.runId(), checkpoint.epoch());
            if (!evaluations.contains(evaluation) || s3.read(ObjectLayout.EVALUATIONS_BUCKET, evaluation,
                    CheckpointEvaluated.class).outcome() != EvaluationOutcome.SCORED) {
                missing.add(checkpoint.id());
            }
        }
        return missing;
    }

    /** Counts what is lost now and what arrived more than once. */
    Tally tally(EventLog log, S3Reader s3) throws Exception {
        List<String> problems = new ArrayList<>();
        unfinishedJobs(log).forEach(id -> problems.add("job " + id + " not completed"));
        unansweredRequests(log).forEach(id -> problems.add("request " + id + " neither answered nor dead-lettered"));
        unevaluatedCheckpoints(s3).forEach(id -> problems.add("checkpoint " + id + " has no evaluation"));
        int duplicates = repeats(completions(log)) + repeats(answers(log))
                + repeats(group(log.values(Topics.EVALUATIONS, CheckpointEvaluated.class),
                        CheckpointEvaluated::checkpointId));
        return new Tally(problems.size(), duplicates, problems);
    }

    private Map<String, List<TrainingJobStatusChanged>> completions(EventLog log) {
        return group(log.values(Topics.TRAINING_JOB_STATUS, TrainingJobStatusChanged.class).stream()
                .filter(s -> s.state() == JobState.COMPLETED && jobs.containsKey(s.jobId())).toList(),
                TrainingJobStatusChanged::jobId);
    }

    private Map<String, List<ImageClassified>> answers(EventLog log) {
        return group(log.values(Topics.CLASSIFICATION_RESULTS, ImageClassified.class).stream()
                .filter(a -> requests.contains(a.requestId())).toList(), ImageClassified::requestId);
    }

    private static <T> Map<String, List<T>> group(List<T> values, Function<T, String> key) {
        Map<String, List<T>> groups = new LinkedHashMap<>();
        values.forEach(v -> groups.computeIfAbsent(key.apply(v), k -> new ArrayList<>()).add(v));
        return groups;
    }

    private static int repeats(Map<String, ? extends List<?>> groups) {
        return groups.values().stream().mapToInt(g -> g.size() - 1).sum();
    }
}
