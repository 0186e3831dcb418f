package dev.squeezepipe.events;

import dev.squeezepipe.spec.TrainingJobSpec;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A training job was submitted.
 *
 * @param jobId unique id chosen by the submitter (the record key)
 * @param spec what to train and how
 * @param submittedAt when
 */
@Serdeable
public record TrainingJobSubmitted(String jobId, TrainingJobSpec spec, Instant submittedAt) {}
