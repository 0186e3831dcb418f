package dev.squeezepipe.schema;

/**
 * The version of the event and sidecar formats, {@code MAJOR.MINOR}. A new minor version only adds fields that a
 * reader of the same major version may ignore; anything else (a field removed, renamed or meaning something new) is a
 * new major version, and a reader refuses a document of a major version it does not know rather than guess at it.
 */
public final class SchemaVersion {

    /** The major version this build writes and reads. */
    public static final int MAJOR = 1;

    /** The version this build writes. */
    public static final String CURRENT = MAJOR + ".0";

    private SchemaVersion() {}

    /** The major version of {@code schema}, or an error naming what is wrong with it. */
    public static int majorOf(String schema) {
        if (schema == null || schema.isBlank()) {
            throw new IllegalArgumentException("it carries no schema version");
        }
        int dot = schema.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? schema : schema.substring(0, dot));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("its schema version '" + schema + "' is not MAJOR.MINOR", e);
        }
    }
}
