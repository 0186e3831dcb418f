package dev.squeezepipe.topics;

import dev.squeezepipe.events.CheckpointEvaluated;
import dev.squeezepipe.events.CheckpointPublished;
import dev.squeezepipe.events.DatasetReady;
import dev.squeezepipe.events.DatasetShardAnnounced;
import dev.squeezepipe.events.ImageClassified;
import dev.squeezepipe.events.IngestFailed;
import dev.squeezepipe.events.TrainingJobStatusChanged;
import dev.squeezepipe.events.TrainingJobSubmitted;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

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

    /**
     * Ending of a dead-letter topic's name: every topic whose records a consumer group owns has one, holding the
     * records it could not process, byte for byte, under their original keys, with {@link #HEADER_DLQ_REASON},
     * {@link #HEADER_DLQ_ORIGIN} and {@link #HEADER_DLQ_CONSUMER}.
     */
    public static final String DLQ_SUFFIX = "-dlq";
    /** Dead letters of {@link #TRAINING_JOBS}. */
    public static final String TRAINING_JOBS_DLQ = TRAINING_JOBS + DLQ_SUFFIX;
    /** Dead letters of {@link #CHECKPOINTS}. */
    public static final String CHECKPOINTS_DLQ = CHECKPOINTS + DLQ_SUFFIX;
    /** Dead letters of {@link #CLASSIFICATION_REQUESTS}. */
    public static final String CLASSIFICATION_REQUESTS_DLQ = CLASSIFICATION_REQUESTS + DLQ_SUFFIX;

    /** Header of a dead letter: why it could not be processed. */
    public static final String HEADER_DLQ_REASON = "dlq-reason";
    /** Header of a dead letter: topic, partition and offset it came from. */
    public static final String HEADER_DLQ_ORIGIN = "dlq-origin";
    /** Header of a dead letter: the service and consumer group that refused it. */
    public static final String HEADER_DLQ_CONSUMER = "dlq-consumer";
    /** Header of a dead letter: the original value's size in bytes, which tells an omitted copy from an empty one. */
    public static final String HEADER_DLQ_ORIGINAL_BYTES = "dlq-original-bytes";

    /** Largest record a topic takes: the biggest image a client may send, so oversized ones reach the dead letters. */
    public static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
    /**
     * The largest original a dead letter carries a copy of: a record as large as its topic allows leaves no room for
     * the dead letter's headers, so past this the dead letter keeps only the reference (origin) and the reason.
     */
    public static final int MAX_DEAD_LETTER_COPY_BYTES = MAX_MESSAGE_BYTES - 64 * 1024;

    /**
     * How long users' images are kept in {@link #CLASSIFICATION_REQUESTS}: a day is ample for any predictor to answer,
     * and no longer than needed for data that is the users'.
     */
    public static final Duration USER_IMAGES_RETENTION = Duration.ofDays(1);
    /** How long a dead letter (a user's image among them) is kept: a week for an operator to look into it. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(7);

    /** The topics the services publish, in the order a dataset flows through them. */
    private static final List<TopicSpec> PUBLISHED = List.of(
            new TopicSpec(DATASET_SHARDS, String.class, DatasetShardAnnounced.class, 3, false),
            new TopicSpec(DATASET_READY, String.class, DatasetReady.class, 1, false),
            new TopicSpec(INGEST_FAILED, String.class, IngestFailed.class, 1, false),
            new TopicSpec(TRAINING_JOBS, String.class, TrainingJobSubmitted.class, 6, false),
            new TopicSpec(TRAINING_JOB_STATUS, String.class, TrainingJobStatusChanged.class, 3, false),
            new TopicSpec(CHECKPOINTS, String.class, CheckpointPublished.class, 3, false),
            new TopicSpec(EVALUATIONS, String.class, CheckpointEvaluated.class, 3, false),
            new TopicSpec(CLASSIFICATION_REQUESTS, String.class, byte[].class, 3, false,
                    USER_IMAGES_RETENTION),
            new TopicSpec(CLASSIFICATION_RESULTS, String.class, ImageClassified.class, 3, false));

    /**
     * The topics whose records a consumer group owns (trainers take jobs, evaluators score checkpoints, predictors
     * answer requests); each has a dead-letter topic. The other topics are read by views, which skip what they cannot
     * read (see the services' {@code DeadLetters}).
     */
    private static final List<String> CONSUMED = List.of(TRAINING_JOBS, CHECKPOINTS, CLASSIFICATION_REQUESTS);

    /** Every topic, dead-letter topics included, as created by the embedded broker and the compose init step. */
    public static final List<TopicSpec> ALL = Stream.concat(PUBLISHED.stream(),
            CONSUMED.stream().map(name -> new TopicSpec(name + DLQ_SUFFIX, String.class, byte[].class, 1, false,
                    DEAD_LETTER_RETENTION))).toList();

    private Topics() {}

    /** The dead-letter topic of {@code topic}, or an error when no consumer group owns its records. */
    public static String deadLetterTopicOf(String topic) {
        if (!CONSUMED.contains(topic)) {
            throw new IllegalArgumentException("topic '" + topic + "' has no dead-letter topic: no consumer group owns "
                    + "its records");
        }
        return topic + DLQ_SUFFIX;
    }

    /** The spec of {@code name}, or an error naming the unknown topic. */
    public static TopicSpec spec(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic '" + name + "' in the catalogue"));
    }
}
