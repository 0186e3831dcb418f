package dev.squeezepipe.trainer;

import dev.squeezepipe.spec.TrainingJobSpec;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A job submitted over HTTP: a full spec, or a preset for a dataset with optional overrides.
 *
 * @param jobId the job's id (generated when absent)
 * @param preset recipe or cpu, when no spec is given
 * @param datasetId the dataset, with a preset
 * @param epochs overrides the preset's epochs
 * @param trainLimit overrides the preset's image limit
 * @param timeBudgetMinutes overrides the preset's time budget (the cpu preset's is 112 minutes)
 * @param seed overrides the preset's seed (of initialization, shuffling and augmentation)
 * @param spec a full spec (wins over the preset)
 */
@Serdeable
public record JobRequest(@Nullable String jobId, @Nullable String preset, @Nullable String datasetId,
        @Nullable Integer epochs, @Nullable Integer trainLimit, @Nullable Double timeBudgetMinutes,
        @Nullable Long seed, @Nullable TrainingJobSpec spec) {}
