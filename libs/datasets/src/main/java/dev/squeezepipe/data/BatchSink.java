package dev.squeezepipe.data;

import java.io.IOException;

/** Receives the batches of a split one at a time, in order. */
@FunctionalInterface
public interface BatchSink {

    void accept(ImageBatch batch) throws IOException;
}
