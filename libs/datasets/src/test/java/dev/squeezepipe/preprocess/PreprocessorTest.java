package dev.squeezepipe.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PreprocessorTest {

    private static byte[] gradient(int h, int w) {
        byte[] chw = new byte[3 * h * w];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < h * w; i++) {
                chw[c * h * w + i] = (byte) ((i % w) * 255 / Math.max(1, w - 1));
            }
        }
        return chw;
    }

    @Test
    void resizeToTheSameSizeKeepsEveryPixel() {
        byte[] image = gradient(32, 32);
        assertArrayEquals(image, Resize.bilinear(image, 32, 32, 32));
    }

    @Test
    void bilinearDownscaleAveragesNeighboursWithHalfPixelCentres() {
        byte[] chw = new byte[3 * 2 * 2];
        byte[] plane = {0, 100, (byte) 200, (byte) 255};
        for (int c = 0; c < 3; c++) {
            System.arraycopy(plane, 0, chw, 4 * c, 4);
        }
        byte[] out = Resize.bilinear(chw, 2, 2, 1);
        assertEquals(Math.round((0 + 100 + 200 + 255) / 4.0), out[0] & 0xff);
        byte[] up = Resize.bilinear(chw, 2, 2, 4);
        assertEquals(0, up[0] & 0xff, "corner keeps its value under half-pixel centres");
        assertEquals(25, up[1] & 0xff, "a quarter of the way from 0 to 100");
    }

    @Test
    void normalizesWithTheRecipesMeanAndStd() {
        Preprocessor pre = new Preprocessor(PreprocessSpec.recipe(32, false));
        byte[] white = new byte[3 * 32 * 32];
        java.util.Arrays.fill(white, (byte) 255);
        float[] out = pre.apply(white, 32, 32);
        assertEquals((1f - 0.4914f) / 0.2023f, out[0], 1e-5);
        assertEquals((1f - 0.4822f) / 0.1994f, out[32 * 32], 1e-5);
        assertEquals((1f - 0.4465f) / 0.2010f, out[2 * 32 * 32 + 5], 1e-5);
    }

    @Test
    void augmentationIsSeededAndFlipsOrShifts() {
        Preprocessor pre = new Preprocessor(PreprocessSpec.recipe(32, true));
        byte[] image = gradient(32, 32);
        float[] a = new float[3 * 32 * 32];
        float[] b = new float[3 * 32 * 32];
        pre.apply(image, 32, 32, a, 0, new Random(7));
        pre.apply(image, 32, 32, b, 0, new Random(7));
        assertArrayEquals(a, b);
        float[] plain = new Preprocessor(PreprocessSpec.recipe(32, false)).apply(image, 32, 32);
        boolean changed = false;
        Random random = new Random(1);
        for (int i = 0; i < 10 && !changed; i++) {
            pre.apply(image, 32, 32, a, 0, random);
            changed = !java.util.Arrays.equals(a, plain);
        }
        assertEquals(true, changed, "ten augmented draws cannot all equal the plain image");
    }

    @Test
    void cutoutSetsOneSquareOfTheSidesShareToTheMeanInEveryChannel() {
        Preprocessor pre = new Preprocessor(PreprocessSpec.recipe(32, true).withCutout(0.375));
        byte[] white = new byte[3 * 32 * 32];
        java.util.Arrays.fill(white, (byte) 255);
        float[] out = new float[3 * 32 * 32];
        Random random = new Random(3);
        int whole = 0;
        for (int draw = 0; draw < 40; draw++) {
            pre.apply(white, 32, 32, out, 0, random);
            int[] box = zeroBox(out, 0, 32);
            int zeros = 0;
            for (int c = 0; c < 3; c++) {
                assertArrayEquals(box, zeroBox(out, c, 32), "the square is the same in every channel");
                for (int i = 0; i < 32 * 32; i++) {
                    zeros += out[c * 32 * 32 + i] == 0f ? 1 : 0;
                }
            }
            int height = box[2] - box[0] + 1;
            int width = box[3] - box[1] + 1;
            assertEquals(3 * height * width, zeros, "only a filled rectangle is cut out");
            assertEquals(true, height <= 12 && width <= 12, "at most 12x12 at 32px, got " + height + "x" + width);
            whole += height == 12 && width == 12 ? 1 : 0;
        }
        assertEquals(true, whole > 0, "squares away from the border are 12x12");
    }

    @Test
    void cutoutAppliesOnlyToAugmentedImages() {
        byte[] image = gradient(32, 32);
        float[] plain = new Preprocessor(PreprocessSpec.recipe(32, false)).apply(image, 32, 32);
        assertArrayEquals(plain, new Preprocessor(PreprocessSpec.recipe(32, true).withCutout(0.5))
                .apply(image, 32, 32));
        assertArrayEquals(plain, new Preprocessor(PreprocessSpec.recipe(32, false).withCutout(0.5))
                .apply(image, 32, 32));
    }

    @Test
    void rejectsACutoutOutsideZeroToOne() {
        for (double share : new double[] {-0.1, 1.0, Double.NaN}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> PreprocessSpec.recipe(32, true).withCutout(share));
            assertEquals(true, e.getMessage().contains("cutout"), e.getMessage());
        }
    }

    /** Rows and columns {top, left, bottom, right} spanned by the zeros of channel {@code c}; -1s when none. */
    private static int[] zeroBox(float[] chw, int c, int size) {
        int[] box = {size, size, -1, -1};
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (chw[c * size * size + y * size + x] == 0f) {
                    box = new int[] {Math.min(box[0], y), Math.min(box[1], x), Math.max(box[2], y),
                        Math.max(box[3], x)};
                }
            }
        }
        return box;
    }

    @Test
    void convertsBetweenImagesAndChw() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(2, 1, 0x102030);
        byte[] chw = Images.toChw(image);
        assertEquals(0x10, chw[5]);
        assertEquals(0x20, chw[6 + 5]);
        assertEquals(0x30, chw[12 + 5]);
        assertEquals(0x102030, Images.fromChw(chw, 2, 3).getRGB(2, 1) & 0xffffff);
        byte[] hwc = {1, 2, 3, 4, 5, 6};
        assertArrayEquals(new byte[] {1, 4, 2, 5, 3, 6}, Images.hwcToChw(hwc, 1, 2));
        assertNotEquals(0, chw.length);
    }
}
