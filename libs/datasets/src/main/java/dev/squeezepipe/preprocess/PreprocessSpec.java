package dev.squeezepipe.preprocess;

import java.util.Arrays;

/**
 * How images become network input: bilinear resize to {@code size}, rescale by 1/255, normalize per
 * channel, HWC to CHW; optionally augment for training.
 *
 * @param size side of the square network input
 * @param mean per-channel mean after rescaling (RGB)
 * @param std per-channel standard deviation after rescaling (RGB)
 * @param augment random crop with {@link #CROP_PADDING}-pixel zero padding and horizontal flip
 * @param cutout with {@code augment}: side of a square, as a share of {@code size}, set to the channel means at a
 *        random centre (it may overhang the border) after the crop and flip; 0: none
 */
public record PreprocessSpec(int size, float[] mean, float[] std, boolean augment, double cutout) {

    /** The recipe's CIFAR-10 mean. */
    public static final float[] CIFAR_MEAN = {0.4914f, 0.4822f, 0.4465f};
    /** The recipe's CIFAR-10 standard deviation. */
    public static final float[] CIFAR_STD = {0.2023f, 0.1994f, 0.2010f};
    /** Padding of the training crop. */
    public static final int CROP_PADDING = 4;

    public PreprocessSpec {
        if (size < 1 || mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("preprocessing needs a positive size and 3 means and stds");
        }
        if (!(cutout >= 0 && cutout < 1)) {
            throw new IllegalArgumentException("cutout must be a share of the image side in [0,1), got " + cutout);
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** The recipe's normalization at {@code size}, with or without augmentation. */
    public static PreprocessSpec recipe(int size, boolean augment) {
        return new PreprocessSpec(size, CIFAR_MEAN, CIFAR_STD, augment, 0);
    }

    /** The same spec with augmentation switched on or off. */
    public PreprocessSpec withAugment(boolean on) {
        return new PreprocessSpec(size, mean, std, on, cutout);
    }

    /** The same spec with cutout of {@code share} of the side ({@code null} or 0: none). */
    public PreprocessSpec withCutout(Double share) {
        return new PreprocessSpec(size, mean, std, augment, share == null ? 0 : share);
    }

    /** Side in pixels of the cutout square: the share of {@code size}, rounded; 0 without cutout. */
    public int cutoutSide() {
        return (int) Math.round(cutout * size);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreprocessSpec other && size == other.size && augment == other.augment
                && cutout == other.cutout && Arrays.equals(mean, other.mean) && Arrays.equals(std, other.std);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Integer.hashCode(size) + Arrays.hashCode(mean)) + Arrays.hashCode(std)
                + Boolean.hashCode(augment) + 17 * Double.hashCode(cutout);
    }

    @Override
    public String toString() {
        return "PreprocessSpec[size=" + size + ", mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std)
                + ", augment=" + augment + ", cutout=" + cutout + "]";
    }
}
