package dev.squeezepipe.ingest;

/** Where an ingest request is. */
public enum IngestState {
    /** Waiting for the ingest worker. */
    QUEUED,
    /** Shards are being stored. */
    RUNNING,
    /** Every split is stored and announced ready. */
    COMPLETED,
    /** Stopped on an error; the status says which. */
    FAILED
}
