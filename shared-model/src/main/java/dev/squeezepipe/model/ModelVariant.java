package dev.squeezepipe.model;

import java.util.Locale;

/**
 * A network variant selectable by name: {@code recipe} or {@code cifar}, optionally followed by {@code -bn} (batch
 * norm after every convolution but the final one), then optionally by {@code -simple-bypass} or
 * {@code -complex-bypass}; {@code simple-bypass} and {@code complex-bypass} alone mean the recipe stem.
 *
 * @param stem the input stem
 * @param batchNorm whether a batch norm follows each convolution before its ReLU (not in the recipe)
 * @param bypass the bypass variant
 */
public record ModelVariant(Stem stem, boolean batchNorm, Bypass bypass) {

    private static final String BATCH_NORM = "-bn";

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
        switch (rest) {
            case "":
                return new ModelVariant(stem, batchNorm, Bypass.NONE);
            case "-simple-bypass":
                return new ModelVariant(stem, batchNorm, Bypass.SIMPLE);
            case "-complex-bypass":
                return new ModelVariant(stem, batchNorm, Bypass.COMPLEX);
            default:
                throw new IllegalArgumentException("unknown model variant '" + name + "'; expected recipe or cifar,"
                        + " optionally followed by -bn, then optionally by -simple-bypass or -complex-bypass"
                        + " (e.g. cifar-bn-simple-bypass); simple-bypass and complex-bypass alone use the recipe stem");
        }
    }

    /** The canonical name, which {@link #parse} reads back. */
    public String id() {
        String base = stem.name().toLowerCase(Locale.ROOT) + (batchNorm ? BATCH_NORM : "");
        return bypass == Bypass.NONE ? base : base + "-" + bypass.name().toLowerCase(Locale.ROOT) + "-bypass";
    }
}
