package dev.squeezepipe.schema;

/**
 * A JSON document that says which version of its format it was written in: every event on a topic of the catalogue,
 * and every checkpoint sidecar. A reader refuses one it does not understand instead of misreading it.
 */
public interface Versioned {

    /** The format version it was written in, {@code MAJOR.MINOR} (see {@link SchemaVersion}). */
    String schema();
}
