package dev.squeezepipe.data;

import java.util.Locale;

/** The dataset splits. */
public enum Split {
    TRAIN,
    TEST;

    /** Lower-case name used in object keys and events. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code train} or {@code test}. */
    public static Split parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown split '" + name + "'; expected train or test", e);
        }
    }
}
