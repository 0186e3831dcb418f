package dev.squeezepipe.data;

/**
 * Images of one source batch as uint8 CHW, all of the same size, with their labels.
 *
 * @param source where the batch came from (file, or archive!entry)
 * @param height image height
 * @param width image width
 * @param pixels {@code count * 3 * height * width} bytes, image after image, each CHW
 * @param labels one label per image
 */
public record ImageBatch(String source, int height, int width, byte[] pixels, int[] labels) {

    public ImageBatch {
        if (pixels.length != (long) labels.length * imageBytes(height, width)) {
            throw new IllegalArgumentException(source + ": " + pixels.length + " pixel bytes do not hold "
                    + labels.length + " images of 3x" + height + "x" + width);
        }
    }

    /** Number of images. */
    public int count() {
        return labels.length;
    }

    /** Bytes per image. */
    public int imageBytes() {
        return imageBytes(height, width);
    }

    /** A copy of image {@code i}'s CHW bytes. */
    public byte[] image(int i) {
        int size = imageBytes();
        byte[] out = new byte[size];
        System.arraycopy(pixels, i * size, out, 0, size);
        return out;
    }

    private static int imageBytes(int height, int width) {
        return 3 * height * width;
    }
}
