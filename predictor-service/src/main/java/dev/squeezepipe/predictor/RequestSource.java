package dev.squeezepipe.predictor;

import java.util.Locale;

/** Where a classification request came from: the {@code source} tag of the predictor's per-request metrics. */
enum RequestSource {
    KAFKA,
    HTTP;

    /** The tag's value: {@code kafka} or {@code http}. */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
