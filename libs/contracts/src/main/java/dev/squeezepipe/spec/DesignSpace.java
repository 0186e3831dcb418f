package dev.squeezepipe.spec;

import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;

/**
 * The SqueezeNet paper's microarchitecture knobs that generate the eight Fire modules: module {@code i}
 * (0-based) expands to {@code base_e + incr_e * floor(i / freq)} filters, a share {@code pct3x3} of them
 * 3x3, and squeezes to {@code SR} times that. The defaults give the recipe's fire2..fire9.
 *
 * @param baseE expand filters of the first module
 * @param incrE expand filters added every {@code freq} modules
 * @param freq modules between increments
 * @param pct3x3 share of expand filters that are 3x3
 * @param squeezeRatio squeeze filters over expand filters (SR)
 */
@Serdeable
public record DesignSpace(int baseE, int incrE, int freq, double pct3x3, double squeezeRatio) {

    /** The paper's (and the recipe's) SqueezeNet: 128, 128, 2, 0.5, 0.125. */
    public static final DesignSpace DEFAULT = new DesignSpace(128, 128, 2, 0.5, 0.125);

    /** Number of Fire modules in SqueezeNet (fire2..fire9). */
    public static final int MODULES = 8;

    public DesignSpace {
        if (baseE < 1 || incrE < 0 || freq < 1) {
            throw new IllegalArgumentException("base_e, incr_e, freq must be >= 1, >= 0, >= 1; got "
                    + baseE + ", " + incrE + ", " + freq);
        }
        if (pct3x3 < 0 || pct3x3 > 1 || squeezeRatio <= 0 || squeezeRatio > 1) {
            throw new IllegalArgumentException("pct3x3 must be in [0,1] and SR in (0,1]; got "
                    + pct3x3 + ", " + squeezeRatio);
        }
    }

    /** The eight Fire modules, chained from {@code stemChannels} input channels. */
    public List<FireSpec> fires(int stemChannels) {
        List<FireSpec> fires = new ArrayList<>(MODULES);
        int channels = stemChannels;
        for (int i = 0; i < MODULES; i++) {
            int expand = baseE + incrE * (i / freq);
            int expand3x3 = (int) Math.round(expand * pct3x3);
            int squeeze = Math.max(1, (int) Math.round(expand * squeezeRatio));
            FireSpec spec = new FireSpec(channels, squeeze, expand - expand3x3, expand3x3);
            fires.add(spec);
            channels = spec.outputChannels();
        }
        return fires;
    }
}
