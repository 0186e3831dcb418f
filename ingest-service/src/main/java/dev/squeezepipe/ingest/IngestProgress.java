package dev.squeezepipe.ingest;

/** Receives an ingest's progress: the dataset id once known, then every stored shard. */
interface IngestProgress {

    void datasetIdentified(String datasetId);

    void shardStored(String split, int images, long bytes, boolean alreadyStored);
}
