package dev.squeezepipe.service;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.squeezepipe.data.ImageBatch;
import dev.squeezepipe.events.DatasetShardAnnounced;
import dev.squeezepipe.preprocess.Preprocessor;
import dev.squeezepipe.storage.Npz;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A dataset split held in memory as uint8 (50,000 CIFAR images take 150 MB), turned into normalized float batches on
 * demand. Each epoch visits the images in a fresh order drawn from the job's seed and the epoch number, so a
 * resumed run sees the same order the original would have.
 */
public final class SplitData {

    private final byte[] pixels;
    private final int[] labels;
    private final int side;
    private final int imageBytes;

    private SplitData(byte[] pixels, int[] labels, int side) {
        this.pixels = pixels;
        this.labels = labels;
        this.side = side;
        this.imageBytes = 3 * side * side;
    }

    /** Loads {@code shards} (in order) through the cache, keeping at most {@code limit} images (0: all). */
    public static SplitData load(List<DatasetShardAnnounced> shards, ShardCache cache, int limit,
            Cancellation cancelled) throws IOException, InterruptedException {
        long total = shards.stream().mapToLong(DatasetShardAnnounced::imageCount).sum();
        int count = (int) (limit > 0 ? Math.min(limit, total) : total);
        int side = shards.isEmpty() ? 32 : shards.get(0).shape().get(2);
        byte[] pixels = new byte[count * 3 * side * side];
        int[] labels = new int[count];
        int filled = 0;
        for (DatasetShardAnnounced shard : shards) {
            if (filled >= count) {
                break;
            }
            cancelled.check();
            Map<String, Npz.Array> arrays = cache.load(shard);
            byte[] shardLabels = arrays.get("labels").data();
            int take = Math.min(shardLabels.length, count - filled);
            System.arraycopy(arrays.get("images").data(), 0, pixels, filled * 3 * side * side, take * 3 * side * side);
            for (int i = 0; i < take; i++) {
                labels[filled + i] = shardLabels[i] & 0xff;
            }
            filled += take;
        }
        return new SplitData(pixels, labels, side);
    }

    /** The whole split as one batch of uint8 CHW images (shares the arrays; do not modify). */
    public ImageBatch asImageBatch(String source) {
        return new ImageBatch(source, side, side, pixels, labels);
    }

    public int size() {
        return labels.length;
    }

    public int side() {
        return side;
    }

    public int label(int index) {
        return labels[index];
    }

    /** The order of epoch {@code epoch} (1-based): a seeded Fisher-Yates shuffle. */
    public int[] order(long seed, int epoch) {
        int[] order = new int[labels.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed * 1_000_003L + epoch);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Images {@code order[from..to)} preprocessed into one batch: data (N,3,S,S) and labels (N). */
    public NDList batch(NDManager manager, int[] order, int from, int to, Preprocessor preprocessor, Random random) {
        int n = to - from;
        int floats = preprocessor.floatsPerImage();
        float[] data = new float[n * floats];
        float[] batchLabels = new float[n];
        byte[] image = new byte[imageBytes];
        for (int i = 0; i < n; i++) {
            int index = order[from + i];
            System.arraycopy(pixels, index * imageBytes, image, 0, imageBytes);
            preprocessor.apply(image, side, side, data, i * floats, random);
            batchLabels[i] = labels[index];
        }
        int size = preprocessor.spec().size();
        NDArray x = manager.create(data, new Shape(n, 3, size, size));
        NDArray y = manager.create(batchLabels, new Shape(n));
        return new NDList(x, y);
    }
}
