package dev.squeezepipe.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImagesTest {

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out), "no writer for " + format);
        return out.toByteArray();
    }

    @Test
    void aSmallFileDeclaringTwentyThousandPixelsASideIsRefusedFromItsHeader() throws IOException {
        byte[] flood = HostileImages.pixelFloodPng(20_000, 20_000);
        IOException refused = assertThrows(IOException.class, () -> Images.decode(flood));
        assertEquals("image of 20000x20000 pixels exceeds the 36000000-pixel limit (or has no pixels)",
                refused.getMessage());
    }

    @Test
    void aJpegDeclaringMoreThanTheLimitIsRefusedFromItsFrameHeader() {
        IOException refused = assertThrows(IOException.class,
                () -> Images.decode(HostileImages.pixelFloodJpeg(65_000, 65_000)));
        assertEquals("image of 65000x65000 pixels exceeds the 36000000-pixel limit (or has no pixels)",
                refused.getMessage());
    }

    @Test
    void aLargePhotoIsSubsampledWhileDecodedToTheLongestSideAllowed() throws IOException {
        BufferedImage photo = new BufferedImage(3000, 2000, BufferedImage.TYPE_INT_RGB);
        photo.setRGB(0, 0, 0xff0000);
        Images.Decoded decoded = Images.decode(encode(photo, "png"));
        assertEquals(1000, decoded.width(), "every third column");
        assertEquals(667, decoded.height());
        assertEquals((byte) 0xff, decoded.chw()[0], "the first pixel's red kept");
    }

    @Test
    void aSmallImageDecodesPixelForPixel() throws IOException {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 2, 0x102030);
        Images.Decoded decoded = Images.decode(encode(image, "png"));
        assertEquals(3, decoded.height());
        assertEquals(4, decoded.width());
        assertArrayEquals(new byte[] {0x10, 0x20, 0x30}, new byte[] {decoded.chw()[11], decoded.chw()[23],
                decoded.chw()[35]});
    }

    @Test
    void formatsOtherThanPngAndJpegAreRefusedByName() throws IOException {
        byte[] gif = encode(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "gif");
        IOException refused = assertThrows(IOException.class, () -> Images.decode(gif));
        assertEquals("not a PNG or JPEG image (" + gif.length + " bytes)", refused.getMessage());
    }

    @Test
    void aTruncatedImageIsRefusedAsAnIoErrorNotAnUncheckedOne() throws IOException {
        byte[] png = encode(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png");
        byte[] truncated = Arrays.copyOf(png, png.length / 2);
        assertThrows(IOException.class, () -> Images.decode(truncated));
        byte[] jpeg = encode(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "jpeg");
        assertThrows(IOException.class, () -> Images.decode(Arrays.copyOf(jpeg, 40)));
    }
}
