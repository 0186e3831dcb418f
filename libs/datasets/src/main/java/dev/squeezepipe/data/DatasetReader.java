package dev.squeezepipe.data;

import java.io.IOException;

/**
 * Streams a dataset split one source batch at a time, so a whole split never has to sit in memory.
 * Implementations fail with a {@link DatasetFormatException} naming the file and the problem.
 */
public interface DatasetReader {

    /** Hands every batch of {@code split} to {@code sink} in the dataset's order. */
    void read(Split split, BatchSink sink) throws IOException;

    /** The dataset's format and location, for logs and events. */
    String describe();

    /** Source batches in {@code split} when known in advance (for progress), else -1. */
    default int batchCount(Split split) {
        return -1;
    }

    /**
     * Images in {@code split} when known without decoding them (from a file listing or file sizes), else -1.
     * An ingest that knows it announces it with every shard, so trainers can start before the last one.
     */
    default long knownCount(Split split) throws IOException {
        return -1;
    }

    /** Images in {@code split}, counted by reading it. */
    default long count(Split split) throws IOException {
        long[] total = {0};
        read(split, batch -> total[0] += batch.count());
        return total[0];
    }
}
