package dev.squeezepipe.preprocess;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Conversions between encoded images (PNG, JPEG), {@link BufferedImage}s and uint8 CHW arrays. */
public final class Images {

    static {
        // streams over request bytes are buffered in memory, not in a temporary file per image
        ImageIO.setUseCache(false);
    }

    private Images() {}

    /** A decoded RGB image as uint8 CHW. */
    public record Decoded(int height, int width, byte[] chw) {}

    /**
     * The most pixels an image may declare: a 36-megapixel photo passes; a small file declaring 20000x20000 is refused
     * from its header, before any pixel is decoded.
     */
    public static final long MAX_PIXELS = 36_000_000L;
    /**
     * The longest side an image is decoded at: a larger one is subsampled while it is decoded, so that no decoded
     * image holds more than 3 MB of pixels whatever its size (every network here reads far smaller ones).
     */
    public static final int MAX_DECODED_SIDE = 1024;

    private static final Set<String> FORMATS = Set.of("png", "jpeg");

    /**
     * Decodes PNG or JPEG bytes: refused, with the reason, when they are neither, declare more than
     * {@link #MAX_PIXELS}, or are corrupt; subsampled to at most {@link #MAX_DECODED_SIDE} a side.
     */
    public static Decoded decode(byte[] encoded) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            ImageReader reader = pngOrJpegReader(in, encoded.length);
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                    throw new IOException("image of " + width + "x" + height + " pixels exceeds the " + MAX_PIXELS
                            + "-pixel limit (or has no pixels)");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (Math.max(width, height) + MAX_DECODED_SIDE - 1) / MAX_DECODED_SIDE;
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                return new Decoded(image.getHeight(), image.getWidth(), toChw(image));
            } finally {
                reader.dispose();
            }
        } catch (RuntimeException e) { // decoders throw unchecked exceptions on some corrupt streams
            throw new IOException("corrupt image (" + encoded.length + " bytes): " + e, e);
        }
    }

    private static ImageReader pngOrJpegReader(ImageInputStream in, int bytes) throws IOException {
        if (in != null) {
            for (Iterator<ImageReader> readers = ImageIO.getImageReaders(in); readers.hasNext(); ) {
                ImageReader reader = readers.next();
                if (FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    return reader;
                }
            }
        }
        throw new IOException("not a PNG or JPEG image (" + bytes + " bytes)");
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
