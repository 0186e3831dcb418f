package dev.squeezepipe.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;

/** The recipe's learning-rate decay modes. */
@Serdeable
public enum DecayMode {
    /** lr_max, then x0.1 at 30%, x0.01 at 60%, x0.001 at 80% of all steps (no warmup). */
    STEPS,
    /** Linear warmup, then lr_max times the squared remaining fraction. */
    POLY,
    /** Linear warmup, then linear decay from lr_max to lr_end. */
    LINEAR,
    /** Linear warmup, then linear-times-cosine decay (0.47 of a period), plus 1e-5. */
    COSINE;

    /** Parses a mode name case-insensitively (in JSON too), naming the accepted ones when it is not one. */
    @JsonCreator
    public static DecayMode parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown learning-rate mode '" + name
                    + "'; expected steps, poly, linear or cosine", e);
        }
    }
}
