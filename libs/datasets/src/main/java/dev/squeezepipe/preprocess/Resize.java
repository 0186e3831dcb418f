package dev.squeezepipe.preprocess;

/**
 * Bilinear resizing of uint8 CHW images with half-pixel centres (as PIL, OpenCV and PyTorch's
 * {@code align_corners=False}), so a resize to the same size returns the image unchanged.
 */
public final class Resize {

    private Resize() {}

    /** Resizes a 3-channel CHW uint8 image of {@code height x width} to {@code size x size}. */
    public static byte[] bilinear(byte[] chw, int height, int width, int size) {
        return bilinear(chw, height, width, size, size);
    }

    /** Resizes a 3-channel CHW uint8 image to {@code outHeight x outWidth}. */
    public static byte[] bilinear(byte[] chw, int height, int width, int outHeight, int outWidth) {
        if (chw.length != 3 * height * width) {
            throw new IllegalArgumentException("expected " + 3 * height * width + " bytes for a 3x" + height + "x"
                    + width + " image, got " + chw.length);
        }
        if (height == outHeight && width == outWidth) {
            return chw.clone();
        }
        byte[] out = new byte[3 * outHeight * outWidth];
        for (int y = 0; y < outHeight; y++) {
            double sy = Math.max(0, (y + 0.5) * height / outHeight - 0.5);
            int y0 = Math.min((int) sy, height - 1);
            int y1 = Math.min(y0 + 1, height - 1);
            double fy = sy - y0;
            for (int x = 0; x < outWidth; x++) {
                double sx = Math.max(0, (x + 0.5) * width / outWidth - 0.5);
                int x0 = Math.min((int) sx, width - 1);
                int x1 = Math.min(x0 + 1, width - 1);
                double fx = sx - x0;
                for (int c = 0; c < 3; c++) {
                    int plane = c * height * width;
                    double top = lerp(chw, plane + y0 * width, x0, x1, fx);
                    double bottom = lerp(chw, plane + y1 * width, x0, x1, fx);
                    long value = Math.round(top * (1 - fy) + bottom * fy);
                    out[c * outHeight * outWidth + y * outWidth + x] = (byte) Math.max(0, Math.min(255, value));
                }
            }
        }
        return out;
    }

    /** The unsigned pixel between columns {@code x0} and {@code x1} of the row starting at {@code row}. */
    private static double lerp(byte[] chw, int row, int x0, int x1, double fx) {
        return (chw[row + x0] & 0xff) * (1 - fx) + (chw[row + x1] & 0xff) * fx;
    }
}
