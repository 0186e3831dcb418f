package dev.squeezepipe.schema;

/** Bytes that are not a document this build can read; the message says why, for the dead letters or the log. */
public class UnreadableRecordException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnreadableRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
