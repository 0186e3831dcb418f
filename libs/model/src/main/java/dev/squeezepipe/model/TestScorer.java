package dev.squeezepipe.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.squeezepipe.data.ImageBatch;
import dev.squeezepipe.preprocess.Preprocessor;

/**
 * Scores a network on labelled images: top-1, top-5, mean loss, per-class accuracy and the confusion matrix.
 * A class's rank counts the classes with a higher logit, and equal logits of lower class index: the recipe's
 * final ReLU makes many logits tie at zero, and ties must not count as hits.
 */
public final class TestScorer {

    private TestScorer() {}

    /**
     * Runs {@code block} (initialized, in inference mode) over {@code data} in batches of {@code batchSize}, on a
     * thread of its own with the engine's default intra-op threads, so that no OpenMP team outlives the scoring
     * (see {@link OwnThread}).
     */
    public static TestScores score(Block block, ImageBatch data, Preprocessor preprocessor, int batchSize, int classes)
            throws Exception {
        return score(block, data, preprocessor, batchSize, classes, false);
    }

    /**
     * As {@link #score(Block, ImageBatch, Preprocessor, int, int)}; with {@code flips} (test-time flips) each image
     * is scored as given and mirrored left to right, the two softmaxes averaged ({@link Inference#logits}).
     */
    public static TestScores score(Block block, ImageBatch data, Preprocessor preprocessor, int batchSize, int classes,
            boolean flips) throws Exception {
        return OwnThread.call("test-scoring", () -> scoreHere(block, data, preprocessor, batchSize, classes, flips));
    }

    private static TestScores scoreHere(Block block, ImageBatch data, Preprocessor preprocessor, int batchSize,
            int classes, boolean flips) throws InterruptedException {
        long[][] confusion = new long[classes][classes];
        long top1 = 0;
        long top5 = 0;
        double lossSum = 0;
        int side = preprocessor.spec().size();
        int floats = preprocessor.floatsPerImage();
        try (NDManager manager = NDManager.newBaseManager()) {
            ParameterStore store = new ParameterStore(manager, false);
            for (int from = 0; from < data.count(); from += batchSize) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("scoring interrupted after " + from + " of " + data.count()
                            + " images");
                }
                int n = Math.min(batchSize, data.count() - from);
                float[] input = new float[n * floats];
                for (int i = 0; i < n; i++) {
                    preprocessor.apply(data.image(from + i), data.height(), data.width(), input, i * floats, null);
                }
                float[] logits;
                try (NDManager step = manager.newSubManager()) {
                    NDArray images = step.create(input, new Shape(n, 3, side, side));
                    logits = Inference.logits(block, store, images, flips).toFloatArray();
                }
                for (int i = 0; i < n; i++) {
                    int label = data.labels()[from + i];
                    int rank = rank(logits, i * classes, classes, label);
                    top1 += rank == 0 ? 1 : 0;
                    top5 += rank < 5 ? 1 : 0;
                    confusion[label][argMax(logits, i * classes, classes)]++;
                    lossSum += crossEntropy(logits, i * classes, classes, label);
                }
            }
        }
        long images = data.count();
        return new TestScores(images, (double) top1 / images, (double) top5 / images, lossSum / images,
                perClass(confusion), confusion);
    }

    static int rank(float[] logits, int offset, int classes, int label) {
        float truth = logits[offset + label];
        int rank = 0;
        for (int c = 0; c < classes; c++) {
            float v = logits[offset + c];
            if (v > truth || (v == truth && c < label)) {
                rank++;
            }
        }
        return rank;
    }

    private static int argMax(float[] logits, int offset, int classes) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (logits[offset + c] > logits[offset + best]) {
                best = c;
            }
        }
        return best;
    }

    private static double crossEntropy(float[] logits, int offset, int classes, int label) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, logits[offset + c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += Math.exp(logits[offset + c] - max);
        }
        return Math.log(sum) + max - logits[offset + label];
    }

    private static double[] perClass(long[][] confusion) {
        double[] out = new double[confusion.length];
        for (int c = 0; c < confusion.length; c++) {
            long total = 0;
            for (long n : confusion[c]) {
                total += n;
            }
            out[c] = total == 0 ? 0 : (double) confusion[c][c] / total;
        }
        return out;
    }
}
