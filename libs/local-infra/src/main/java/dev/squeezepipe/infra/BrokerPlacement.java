package dev.squeezepipe.infra;

import java.util.Locale;

/** Where the embedded Kafka broker runs: in the caller's JVM, or in a child JVM of its own. */
public enum BrokerPlacement {
    /** In this JVM: the quickest start, used by the tests. */
    IN_PROCESS,
    /**
     * In a child JVM, as a broker on another host would be: its threads, heap and JIT compilers are not this
     * process's, so a service measured here does not pay for the broker's compilations and collections.
     */
    CHILD_PROCESS;

    /** {@code in-process} or {@code child-process} (case and separator free), or an error naming both. */
    public static BrokerPlacement parse(String text) {
        String normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (BrokerPlacement placement : values()) {
            if (placement.name().equals(normalized)) {
                return placement;
            }
        }
        throw new IllegalArgumentException("unknown broker placement '" + text
                + "'; expected in-process or child-process");
    }
}
