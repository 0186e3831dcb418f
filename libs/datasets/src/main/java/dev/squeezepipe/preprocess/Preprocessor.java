package dev.squeezepipe.preprocess;

import java.util.Arrays;
import java.util.Random;

/**
 * Turns uint8 CHW images into normalized float CHW network input per a {@link PreprocessSpec}. Augmentation
 * draws from the caller's {@link Random}, so a seeded run is reproducible.
 */
public final class Preprocessor {

    private final PreprocessSpec spec;
    private final float[] scale = new float[3];
    private final float[] shift = new float[3];

    public Preprocessor(PreprocessSpec spec) {
        this.spec = spec;
        for (int c = 0; c < 3; c++) {
            // (v / 255 - mean) / std folded into one multiply-add per pixel
            scale[c] = 1f / (255f * spec.std()[c]);
            shift[c] = -spec.mean()[c] / spec.std()[c];
        }
    }

    public PreprocessSpec spec() {
        return spec;
    }

    /** Floats per preprocessed image. */
    public int floatsPerImage() {
        return 3 * spec.size() * spec.size();
    }

    /**
     * Writes one image into {@code out} at {@code offset}: resized to the spec's size, then (when the spec
     * augments and {@code random} is given) randomly cropped from a zero-padded copy, flipped and, with cutout,
     * a square set to the channel means; normalized.
     */
    public void apply(byte[] chw, int height, int width, float[] out, int offset, Random random) {
        int size = spec.size();
        byte[] resized = Resize.bilinear(chw, height, width, size);
        boolean augment = spec.augment() && random != null;
        int pad = PreprocessSpec.CROP_PADDING;
        int dy = augment ? random.nextInt(2 * pad + 1) - pad : 0;
        int dx = augment ? random.nextInt(2 * pad + 1) - pad : 0;
        boolean flip = augment && random.nextBoolean();
        for (int c = 0; c < 3; c++) {
            int plane = c * size * size;
            for (int y = 0; y < size; y++) {
                int sy = y + dy;
                for (int x = 0; x < size; x++) {
                    int sx = (flip ? size - 1 - x : x) + dx;
                    boolean inside = sy >= 0 && sy < size && sx >= 0 && sx < size;
                    // a padded pixel is zero before normalization, as in the recipe's pad-then-crop
                    int value = inside ? resized[plane + sy * size + sx] & 0xff : 0;
                    out[offset + plane + y * size + x] = value * scale[c] + shift[c];
                }
            }
        }
        if (augment && spec.cutoutSide() > 0) {
            cutOut(out, offset, random);
        }
    }

    /** Sets a square of {@link PreprocessSpec#cutoutSide()} around a random centre to 0, the normalized mean. */
    private void cutOut(float[] out, int offset, Random random) {
        int size = spec.size();
        int side = spec.cutoutSide();
        int top = random.nextInt(size) - side / 2;
        int left = random.nextInt(size) - side / 2;
        for (int c = 0; c < 3; c++) {
            int plane = offset + c * size * size;
            for (int y = Math.max(0, top); y < Math.min(size, top + side); y++) {
                int row = plane + y * size;
                Arrays.fill(out, row + Math.max(0, left), row + Math.min(size, left + side), 0f);
            }
        }
    }

    /** One image, preprocessed without augmentation. */
    public float[] apply(byte[] chw, int height, int width) {
        float[] out = new float[floatsPerImage()];
        apply(chw, height, width, out, 0, null);
        return out;
    }
}
