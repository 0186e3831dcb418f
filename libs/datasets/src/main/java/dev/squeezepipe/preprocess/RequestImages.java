package dev.squeezepipe.preprocess;

import dev.squeezepipe.data.CifarClasses;
import java.io.IOException;

/**
 * Decodes what clients send to be classified: PNG, JPEG, or a raw CIFAR image (3072 bytes, 3x32x32 CHW).
 * Anything else fails with a reason fit for a dead letter.
 */
public final class RequestImages {

    /** Largest request accepted; larger ones are refused before decoding. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    private RequestImages() {}

    /** The image as uint8 CHW, or an {@link IOException} saying why it is not one. */
    public static Images.Decoded decode(byte[] bytes) throws IOException {
        if (bytes == null || bytes.length == 0) {
            throw new IOException("empty message: no image bytes");
        }
        if (bytes.length > MAX_BYTES) {
            throw new IOException("image of " + bytes.length + " bytes exceeds the " + MAX_BYTES + "-byte limit");
        }
        if (bytes.length == CifarClasses.IMAGE_BYTES) {
            return new Images.Decoded(CifarClasses.SIDE, CifarClasses.SIDE, bytes);
        }
        return Images.decode(bytes);
    }
}
