package dev.squeezepipe.preprocess;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Images made to hurt a decoder, for the hostile-input bench ({@code ./pipeline bench hostile}) and the tests that
 * check each is refused.
 */
public final class HostileImages {

    private HostileImages() {}

    /**
     * A PNG of a hundred-odd bytes whose header declares {@code width x height} 8-bit RGB pixels: decoded naively, a
     * 20000x20000 one allocates gigabytes.
     */
    public static byte[] pixelFloodPng(int width, int height) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream header = new DataOutputStream(ihdr);
            header.writeInt(width);
            header.writeInt(height);
            header.write(new byte[] {8, 2, 0, 0, 0}); // 8-bit RGB, no interlace
            chunk(out, "IHDR", ihdr.toByteArray());
            chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x63, 0, 0, 0, 1, 0, 1});
            chunk(out, "IEND", new byte[0]);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    /**
     * A JPEG of a few dozen bytes whose frame header declares {@code width x height} pixels (at most 65535 a side),
     * with no image data behind it.
     */
    public static byte[] pixelFloodJpeg(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xd8}); // start of image
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xc0, 0, 17, 8, // baseline frame, 8-bit samples
            (byte) (height >> 8), (byte) height, (byte) (width >> 8), (byte) width, 3,
            1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1});
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xda, 0, 12, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0}); // scan
        out.writeBytes(new byte[] {0, 0, 0, 0});
        out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xd9}); // end of image
        return out.toByteArray();
    }
}
