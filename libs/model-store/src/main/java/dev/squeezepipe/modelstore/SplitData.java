package dev.squeezepipe.modelstore;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.squeezepipe.data.ImageBatch;
import dev.squeezepipe.events.DatasetShardAnnounced;
import dev.squeezepipe.preprocess.Preprocessor;
import dev.squeezepipe.service.Cancellation;
import dev.squeezepipe.service.ShardCache;
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
        SplitData data = allocate((int) (limit > 0 ? Math.min(limit, total) : total), sideOf(shards));
        for (DatasetShardAnnounced shard : shards) {
            if (shard.firstImage() >= data.size()) {
                break;
            }
            cancelled.check();
            data.fill(shard, cache.load(shard));
        }
        return data;
    }

    /** Room for {@code count} images of {@code side} x {@code side}, to {@link #fill} shard by shard. */
    public static SplitData allocate(int count, int side) {
        return new SplitData(new byte[count * 3 * side * side], new int[count], side);
    }

    /** The image side of a split's shards (32 when there are none). */
    public static int sideOf(List<DatasetShardAnnounced> shards) {
        return shards.isEmpty() ? 32 : shards.get(0).shape().get(2);
    }

    /**
     * Copies a shard's images into their place in the split (from its first image on), those that fit below
     * {@link #size()}; returns how many were copied.
     */
    public int fill(DatasetShardAnnounced shard, Map<String, Npz.Array> arrays) {
        int first = (int) shard.firstImage();
        byte[] shardLabels = arrays.get("labels").data();
        int take = Math.max(0, Math.min(shardLabels.length, labels.length - first));
        System.arraycopy(arrays.get("images").data(), 0, pixels, first * imageBytes, take * imageBytes);
        for (int i = 0; i < take; i++) {
            labels[first + i] = shardLabels[i] & 0xff;
        }
        return take;
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
