package dev.squeezepipe.events;

import dev.squeezepipe.schema.Versioned;
import dev.squeezepipe.spec.TrainingJobSpec;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A training job was submitted.
 *
 * @param schema the format version it was written in (MAJOR.MINOR)
 * @param jobId unique id chosen by the submitter (the record key)
 * @param spec what to train and how
 * @param submittedAt when
 */
@Serdeable
public record TrainingJobSubmitted(String schema, String jobId, TrainingJobSpec spec,
        Instant submittedAt) implements Versioned {}
