package dev.squeezepipe.evaluator;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Where evaluation records go and how the test split is scored; every value comes from
 * {@code application-evaluator.yml}.
 *
 * @param checkpointsBucket the only bucket checkpoints are loaded from (CHECKPOINTS_BUCKET)
 * @param evaluationsBucket bucket of the evaluation records (EVALUATIONS_BUCKET)
 * @param datasetsBucket bucket of the datasets' manifests, where the test split is found (DATASETS_BUCKET)
 * @param batchSize images per inference batch (EVALUATOR_BATCH_SIZE)
 * @param testTimeFlips whether each test image is also scored mirrored, the two softmaxes averaged: twice the
 *     inference (EVALUATOR_TEST_TIME_FLIPS)
 */
@ConfigurationProperties("evaluator")
public record EvaluatorSettings(
        @NotBlank(message = "set CHECKPOINTS_BUCKET (evaluator.checkpoints-bucket)") String checkpointsBucket,
        @NotBlank(message = "set EVALUATIONS_BUCKET (evaluator.evaluations-bucket)") String evaluationsBucket,
        @NotBlank(message = "set DATASETS_BUCKET (evaluator.datasets-bucket)") String datasetsBucket,
        @Min(value = 1, message = "EVALUATOR_BATCH_SIZE (evaluator.batch-size) must be 1-4096")
        @Max(value = 4096, message = "EVALUATOR_BATCH_SIZE (evaluator.batch-size) must be 1-4096") int batchSize,
        boolean testTimeFlips) {}
