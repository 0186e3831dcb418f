package dev.squeezepipe.ingest;

import dev.squeezepipe.data.ImageBatch;
import java.io.IOException;
import java.util.Arrays;

/** Cuts a stream of image batches into shards of a fixed number of images (the last may be smaller). */
final class ShardAssembler {

    /** Receives each complete shard. */
    @FunctionalInterface
    interface ShardSink {
        void accept(int index, long firstImage, byte[] pixels, int[] labels) throws IOException, InterruptedException;
    }

    private final int shardSize;
    private final int imageBytes;
    private final int limit;
    private final ShardSink sink;
    private byte[] pixels;
    private int[] labels;
    private int filled;
    private int shards;
    private long images;

    ShardAssembler(int shardSize, int side, int limit, ShardSink sink) {
        this.shardSize = shardSize;
        this.imageBytes = 3 * side * side;
        this.limit = limit;
        this.sink = sink;
        reset();
    }

    /** Images accepted so far. */
    long images() {
        return images;
    }

    /** Takes the batch's images (up to the limit) and returns how many it took. */
    int add(ImageBatch batch) throws IOException {
        int taken = 0;
        try {
            for (int i = 0; i < batch.count() && (limit == 0 || images < limit); i++, taken++) {
                System.arraycopy(batch.pixels(), i * imageBytes, pixels, filled * imageBytes, imageBytes);
                labels[filled++] = batch.labels()[i];
                images++;
                if (filled == shardSize) {
                    emit();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while queueing shard " + shards, e);
        }
        return taken;
    }

    /** Emits the last, partial shard. */
    void finish() throws IOException, InterruptedException {
        if (filled > 0) {
            byte[] lastPixels = Arrays.copyOf(pixels, filled * imageBytes);
            int[] lastLabels = Arrays.copyOf(labels, filled);
            pixels = lastPixels;
            labels = lastLabels;
            emit();
        }
    }

    private void emit() throws IOException, InterruptedException {
        sink.accept(shards, images - filled, pixels, labels);
        shards++;
        reset();
    }

    private void reset() {
        pixels = new byte[shardSize * imageBytes];
        labels = new int[shardSize];
        filled = 0;
    }
}
