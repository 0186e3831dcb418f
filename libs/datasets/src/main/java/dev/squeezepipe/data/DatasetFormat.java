package dev.squeezepipe.data;

import java.util.Locale;

/** The dataset layouts the readers understand; {@code AUTO} detects one from the path. */
public enum DatasetFormat {
    AUTO,
    PYTHON,
    BINARY,
    FOLDER;

    /** Parses a format name case-insensitively, naming the accepted ones when it is not one. */
    public static DatasetFormat parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown dataset format '" + name
                    + "'; expected auto, python, binary or folder", e);
        }
    }
}
