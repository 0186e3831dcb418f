package dev.squeezepipe.model;

/**
 * How a model did on a labelled test set.
 *
 * @param images images scored
 * @param top1 share whose true class ranked first
 * @param top5 share whose true class ranked in the first five
 * @param meanLoss mean softmax cross-entropy
 * @param perClassAccuracy top-1 accuracy of each true class
 * @param confusion counts, rows true labels, columns predicted labels
 */
public record TestScores(long images, double top1, double top5, double meanLoss, double[] perClassAccuracy,
        long[][] confusion) {}
