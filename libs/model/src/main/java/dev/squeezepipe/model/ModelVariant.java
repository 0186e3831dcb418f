package dev.squeezepipe.model;

import java.util.Locale;

/**
 * A network variant selectable by name: {@code recipe} or {@code cifar}, optionally followed by {@code -bn} (batch
 * norm after every convolution but the final one), then optionally by {@code -simple-bypass} or
 * {@code -complex-bypass}, then optionally by {@code -linear-head} (no ReLU after the final conv), then optionally by
 * {@code -no-dropout} (no dropout before the final conv); {@code simple-bypass} and {@code complex-bypass} alone mean
 * the recipe stem.
 *
 * @param stem the input stem
 * @param batchNorm whether a batch norm follows each convolution before its ReLU (not in the recipe)
 * @param bypass the bypass variant
 * @param finalRelu whether a ReLU follows the final conv, as in the recipe; without it the logits can be negative
 * @param dropout whether dropout 0.5 precedes the final conv, as in the recipe
 */
public record ModelVariant(Stem stem, boolean batchNorm, Bypass bypass, boolean finalRelu, boolean dropout) {

    private static final String BATCH_NORM = "-bn";
    private static final String LINEAR_HEAD = "-linear-head";
    private static final String NO_DROPOUT = "-no-dropout";

    /** Parses a variant name, naming the accepted forms when it is not one. */
    public static ModelVariant parse(String name) {
        String lower = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        Stem stem = Stem.RECIPE;
        String rest = lower;
        if (lower.startsWith("cifar")) {
            stem = Stem.CIFAR;
            rest = lower.substring("cifar".length());
        } else if (lower.startsWith("recipe")) {
            rest = lower.substring("recipe".length());
        } else {
            rest = "-" + lower;
        }
        boolean batchNorm = rest.startsWith(BATCH_NORM + "-") || rest.equals(BATCH_NORM);
        if (batchNorm) {
            rest = rest.substring(BATCH_NORM.length());
        }
        boolean dropout = !rest.endsWith(NO_DROPOUT);
        if (!dropout) {
            rest = rest.substring(0, rest.length() - NO_DROPOUT.length());
        }
        boolean finalRelu = !rest.endsWith(LINEAR_HEAD);
        if (!finalRelu) {
            rest = rest.substring(0, rest.length() - LINEAR_HEAD.length());
        }
        switch (rest) {
            case "":
                return new ModelVariant(stem, batchNorm, Bypass.NONE, finalRelu, dropout);
            case "-simple-bypass":
                return new ModelVariant(stem, batchNorm, Bypass.SIMPLE, finalRelu, dropout);
            case "-complex-bypass":
                return new ModelVariant(stem, batchNorm, Bypass.COMPLEX, finalRelu, dropout);
            default:
                throw new IllegalArgumentException("unknown model variant '" + name + "'; expected recipe or cifar,"
                        + " optionally followed by -bn, then optionally by -simple-bypass or -complex-bypass, then"
                        + " optionally by -linear-head, then optionally by -no-dropout (e.g. cifar-bn-simple-bypass,"
                        + " cifar-bn-linear-head-no-dropout);"
                        + " simple-bypass and complex-bypass alone use the recipe stem");
        }
    }

    /** The canonical name, which {@link #parse} reads back. */
    public String id() {
        String base = stem.name().toLowerCase(Locale.ROOT) + (batchNorm ? BATCH_NORM : "");
        String bypassed = bypass == Bypass.NONE ? base
                : base + "-" + bypass.name().toLowerCase(Locale.ROOT) + "-bypass";
        String headed = finalRelu ? bypassed : bypassed + LINEAR_HEAD;
        return dropout ? headed : headed + NO_DROPOUT;
    }
}
