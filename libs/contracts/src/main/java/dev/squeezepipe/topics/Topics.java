package dev.squeezepipe.topics;

import dev.squeezepipe.events.CheckpointPublished;
import dev.squeezepipe.events.DatasetReady;
import dev.squeezepipe.events.DatasetShardAnnounced;
import dev.squeezepipe.events.EvaluationCompleted;
import dev.squeezepipe.events.ImageClassified;
import dev.squeezepipe.events.IngestFailed;
import dev.squeezepipe.events.TrainingJobStatusChanged;
import dev.squeezepipe.events.TrainingJobSubmitted;
import java.util.List;

/**
 * The topic catalogue: every topic the services use, with its key and value types. Topics are created from
 * this list (broker auto-creation is off). Values are JSON unless the type is {@code byte[]}.
 */
public final class Topics {

    /** Key: dataset id. */
    public static final String DATASET_SHARDS = "dataset-shards";
    /** Key: dataset id. */
    public static final String DATASET_READY = "dataset-ready";
    /** Key: ingest id. */
    public static final String INGEST_FAILED = "ingest-failed";
    /** Key: job id. Partitioned so trainers in one group share the jobs. */
    public static final String TRAINING_JOBS = "training-jobs";
    /** Key: job id. */
    public static final String TRAINING_JOB_STATUS = "training-job-status";
    /** Key: run id. */
    public static final String CHECKPOINTS = "checkpoints";
    /** Key: run id. */
    public static final String EVALUATIONS = "evaluations";
    /** Key: client's request id; value: image bytes (JPEG, PNG or raw 3072-byte CIFAR CHW). */
    public static final String CLASSIFICATION_REQUESTS = "classification-requests";
    /** Key: client's request id. */
    public static final String CLASSIFICATION_RESULTS = "classification-results";
    /** Dead letters of {@link #TRAINING_JOBS}: the original bytes, the reason in headers. */
    public static final String TRAINING_JOBS_DLQ = "training-jobs-dlq";
    /** Dead letters of {@link #CHECKPOINTS}. */
    public static final String CHECKPOINTS_DLQ = "checkpoints-dlq";
    /** Dead letters of {@link #CLASSIFICATION_REQUESTS}. */
    public static final String CLASSIFICATION_REQUESTS_DLQ = "classification-requests-dlq";

    /** Header of a dead letter: why it could not be processed. */
    public static final String HEADER_DLQ_REASON = "dlq-reason";
    /** Header of a dead letter: topic, partition and offset it came from. */
    public static final String HEADER_DLQ_ORIGIN = "dlq-origin";

    /** Every topic, as created by the embedded broker and the compose init step. */
    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(DATASET_SHARDS, String.class, DatasetShardAnnounced.class, 3, false),
            new TopicSpec(DATASET_READY, String.class, DatasetReady.class, 1, false),
            new TopicSpec(INGEST_FAILED, String.class, IngestFailed.class, 1, false),
            new TopicSpec(TRAINING_JOBS, String.class, TrainingJobSubmitted.class, 6, false),
            new TopicSpec(TRAINING_JOB_STATUS, String.class, TrainingJobStatusChanged.class, 3, false),
            new TopicSpec(CHECKPOINTS, String.class, CheckpointPublished.class, 3, false),
            new TopicSpec(EVALUATIONS, String.class, EvaluationCompleted.class, 3, false),
            new TopicSpec(CLASSIFICATION_REQUESTS, String.class, byte[].class, 3, false),
            new TopicSpec(CLASSIFICATION_RESULTS, String.class, ImageClassified.class, 3, false),
            new TopicSpec(TRAINING_JOBS_DLQ, String.class, byte[].class, 1, false),
            new TopicSpec(CHECKPOINTS_DLQ, String.class, byte[].class, 1, false),
            new TopicSpec(CLASSIFICATION_REQUESTS_DLQ, String.class, byte[].class, 1, false));

    private Topics() {}

    /** The spec of {@code name}, or an error naming the unknown topic. */
    public static TopicSpec spec(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic '" + name + "' in the catalogue"));
    }
}
