package dev.squeezepipe.storage;

import dev.squeezepipe.schema.Versioned;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * Which attempt at a run may write its checkpoints and report its progress: the one that took the run last. A
 * trainer that lost its job's partition without learning of it (cut off from the broker past its session timeout)
 * reads a later lease before its next write and stops, so it never overwrites the newer attempt's work.
 *
 * @param schema the document's schema version
 * @param runId the run
 * @param attempt the attempt that holds the run
 * @param trainer the trainer instance running that attempt
 * @param takenAt when the attempt took the run
 */
@Serdeable
public record RunLease(String schema, String runId, int attempt, String trainer, Instant takenAt)
        implements Versioned {

    /** Whether this lease leaves the run to {@code attempt} on {@code trainer}: no later attempt, nor another trainer's
     * attempt of the same number taken since, holds it. */
    public boolean allows(int attempt, String trainer) {
        return this.attempt < attempt || this.attempt == attempt && this.trainer.equals(trainer);
    }
}
