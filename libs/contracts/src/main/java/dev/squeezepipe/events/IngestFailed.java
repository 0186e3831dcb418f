package dev.squeezepipe.events;

import dev.squeezepipe.schema.Versioned;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * An ingest stopped on an error; its dataset is not ready.
 *
 * @param schema the format version it was written in (MAJOR.MINOR)
 * @param ingestId id of the ingest request
 * @param source the path or archive being ingested
 * @param reason what was wrong and where
 * @param failedAt when
 */
@Serdeable
public record IngestFailed(String schema, String ingestId, String source, String reason,
        Instant failedAt) implements Versioned {}
