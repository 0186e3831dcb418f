package dev.squeezepipe.predictor;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Which checkpoint to serve and how requests are batched; every value comes from {@code application-predictor.yml}.
 *
 * @param policy which checkpoint is served (PREDICTOR_POLICY: latest or best)
 * @param maxBatch most requests run through the network at once (PREDICTOR_MAX_BATCH)
 * @param maxDelay longest a request waits for others to share its batch (PREDICTOR_MAX_DELAY)
 * @param inferenceThreads batches run side by side; with {@code intraOpThreads} it decides how the cores are shared
 *     (PREDICTOR_INFERENCE_THREADS)
 * @param intraOpThreads PyTorch threads inside one operator of one batch; 0: the engine's default, one per core
 *     (PREDICTOR_INTRA_OP_THREADS)
 * @param topK classes in each answer (PREDICTOR_TOP_K)
 * @param testTimeFlips whether each image also runs mirrored, the two softmaxes averaged: more accurate, twice the
 *     inference (PREDICTOR_TEST_TIME_FLIPS)
 * @param maxInFlightBytes most bytes of decoded images waiting for or in inference: past it an HTTP request is
 *     refused with 429 and the Kafka consumer waits (PREDICTOR_MAX_IN_FLIGHT_BYTES)
 * @param datasetsBucket bucket of the datasets, for the grid's test images (DATASETS_BUCKET)
 * @param checkpointsBucket bucket of the checkpoints, read at start (CHECKPOINTS_BUCKET)
 * @param evaluationsBucket bucket of the evaluation records, read at start (EVALUATIONS_BUCKET)
 */
@ConfigurationProperties("predictor")
public record PredictorSettings(
        @NotNull(message = "set PREDICTOR_POLICY (predictor.policy): latest or best") ServingPolicy policy,
        @Min(value = 1, message = "PREDICTOR_MAX_BATCH (predictor.max-batch) must be 1-1024")
        @Max(value = 1024, message = "PREDICTOR_MAX_BATCH (predictor.max-batch) must be 1-1024") int maxBatch,
        @NotNull(message = "set PREDICTOR_MAX_DELAY (predictor.max-delay)") Duration maxDelay,
        @Min(value = 1, message = "PREDICTOR_INFERENCE_THREADS (predictor.inference-threads) must be at least 1")
        int inferenceThreads,
        @Min(value = 0, message = "PREDICTOR_INTRA_OP_THREADS (predictor.intra-op-threads) must be 0 or more")
        int intraOpThreads,
        @Min(value = 1, message = "PREDICTOR_TOP_K (predictor.top-k) must be 1-1000")
        @Max(value = 1000, message = "PREDICTOR_TOP_K (predictor.top-k) must be 1-1000") int topK,
        boolean testTimeFlips,
        @Min(value = 1 << 20, message = "PREDICTOR_MAX_IN_FLIGHT_BYTES (predictor.max-in-flight-bytes) must be at "
                + "least 1 MiB") long maxInFlightBytes,
        @NotBlank(message = "set DATASETS_BUCKET (predictor.datasets-bucket)") String datasetsBucket,
        @NotBlank(message = "set CHECKPOINTS_BUCKET (predictor.checkpoints-bucket)") String checkpointsBucket,
        @NotBlank(message = "set EVALUATIONS_BUCKET (predictor.evaluations-bucket)") String evaluationsBucket) {}
