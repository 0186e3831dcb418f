package dev.squeezepipe.preprocess;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** Conversions between encoded images (PNG, JPEG), {@link BufferedImage}s and uint8 CHW arrays. */
public final class Images {

    private Images() {}

    /** A decoded RGB image as uint8 CHW. */
    public record Decoded(int height, int width, byte[] chw) {}

    /** Decodes PNG or JPEG bytes; fails with the reason when they are not an image ImageIO can read. */
    public static Decoded decode(byte[] encoded) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(encoded));
        if (image == null) {
            throw new IOException("not a PNG or JPEG image (" + encoded.length + " bytes)");
        }
        return new Decoded(image.getHeight(), image.getWidth(), toChw(image));
    }

    /** The image's RGB pixels as uint8 CHW (alpha dropped). */
    public static byte[] toChw(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] chw = new byte[3 * h * w];
        for (int i = 0; i < argb.length; i++) {
            chw[i] = (byte) (argb[i] >> 16);
            chw[h * w + i] = (byte) (argb[i] >> 8);
            chw[2 * h * w + i] = (byte) argb[i];
        }
        return chw;
    }

    /** An RGB image from uint8 CHW. */
    public static BufferedImage fromChw(byte[] chw, int height, int width) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int plane = height * width;
        for (int i = 0; i < plane; i++) {
            int rgb = (chw[i] & 0xff) << 16 | (chw[plane + i] & 0xff) << 8 | (chw[2 * plane + i] & 0xff);
            image.setRGB(i % width, i / width, rgb);
        }
        return image;
    }

    /** uint8 HWC (interleaved RGB) to CHW planes. */
    public static byte[] hwcToChw(byte[] hwc, int height, int width) {
        byte[] chw = new byte[hwc.length];
        int plane = height * width;
        for (int i = 0; i < plane; i++) {
            chw[i] = hwc[3 * i];
            chw[plane + i] = hwc[3 * i + 1];
            chw[2 * plane + i] = hwc[3 * i + 2];
        }
        return chw;
    }
}
