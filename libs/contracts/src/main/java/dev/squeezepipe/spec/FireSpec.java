package dev.squeezepipe.spec;

/**
 * Sizes of one Fire module.
 *
 * @param inputChannels channels entering the module
 * @param squeeze filters of the 1x1 squeeze conv
 * @param expand1x1 filters of the 1x1 expand conv
 * @param expand3x3 filters of the 3x3 expand conv
 */
public record FireSpec(int inputChannels, int squeeze, int expand1x1, int expand3x3) {

    public FireSpec {
        if (inputChannels < 1 || squeeze < 1 || expand1x1 < 0 || expand3x3 < 0 || expand1x1 + expand3x3 < 1) {
            throw new IllegalArgumentException("impossible Fire sizes: " + inputChannels + "," + squeeze + ","
                    + expand1x1 + "," + expand3x3);
        }
    }

    /** Channels leaving the module: both expand branches concatenated. */
    public int outputChannels() {
        return expand1x1 + expand3x3;
    }
}
