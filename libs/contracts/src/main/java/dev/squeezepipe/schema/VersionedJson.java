package dev.squeezepipe.schema;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;

/**
 * Reads versioned documents (events, sidecars) and refuses, with the reason, what this build cannot read: bytes that
 * are not the type's JSON, and a document of a major schema version other than {@link SchemaVersion#MAJOR}. The
 * version is read first, so a document of a newer major version is refused as such even when its fields no longer fit
 * the record.
 */
public final class VersionedJson {

    /** Only the version of a document, whatever its other fields. */
    @Serdeable
    record Version(@Nullable String schema) {}

    private VersionedJson() {}

    /** The document of {@code type} in {@code bytes}, or an {@link UnreadableRecordException} saying why not. */
    public static <T extends Versioned> T read(JsonMapper json, byte[] bytes, Class<T> type)
            throws UnreadableRecordException {
        String what = type.getSimpleName();
        if (bytes == null || bytes.length == 0) {
            throw new UnreadableRecordException(what + ": the record has no value", null);
        }
        try {
            Version version = json.readValue(bytes, Version.class);
            int major = SchemaVersion.majorOf(version == null ? null : version.schema());
            if (major != SchemaVersion.MAJOR) {
                throw new UnreadableRecordException(what + ": schema " + version.schema()
                        + " is of a major version this build does not read (it reads " + SchemaVersion.MAJOR + ".x)",
                        null);
            }
            T event = json.readValue(bytes, type);
            if (event == null) {
                throw new UnreadableRecordException(what + ": the record is JSON null", null);
            }
            return event;
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableRecordException(what + ": " + e.getMessage(), e);
        }
    }
}
