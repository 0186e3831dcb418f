package dev.squeezepipe.model;

import java.util.Locale;

/**
 * A network variant selectable by name: {@code recipe}, {@code cifar}, each optionally followed by
 * {@code -simple-bypass} or {@code -complex-bypass}; {@code simple-bypass} and {@code complex-bypass}
 * alone mean the recipe stem.
 *
 * @param stem the input stem
 * @param bypass the bypass variant
 */
public record ModelVariant(Stem stem, Bypass bypass) {

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
        switch (rest) {
            case "":
                return new ModelVariant(stem, Bypass.NONE);
            case "-simple-bypass":
                return new ModelVariant(stem, Bypass.SIMPLE);
            case "-complex-bypass":
                return new ModelVariant(stem, Bypass.COMPLEX);
            default:
                throw new IllegalArgumentException("unknown model variant '" + name + "'; expected recipe, cifar,"
                        + " simple-bypass, complex-bypass, cifar-simple-bypass or cifar-complex-bypass");
        }
    }

    /** The canonical name, which {@link #parse} reads back. */
    public String id() {
        String stemName = stem.name().toLowerCase(Locale.ROOT);
        return bypass == Bypass.NONE ? stemName : stemName + "-" + bypass.name().toLowerCase(Locale.ROOT) + "-bypass";
    }
}
