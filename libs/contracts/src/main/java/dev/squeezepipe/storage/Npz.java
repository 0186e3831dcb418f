package dev.squeezepipe.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * numpy's .npz (an uncompressed zip of .npy arrays) for uint8 arrays: what a shard is, readable with
 * {@code numpy.load}. Only what shards need: C-ordered {@code |u1} arrays.
 */
public final class Npz {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");

    /** The most the entries may inflate to, as a multiple of the archive's size. */
    static final int MAX_INFLATION = 16;

    private Npz() {}

    /** A uint8 array: its shape and bytes in C order. */
    public record Array(int[] shape, byte[] data) {
        public Array {
            long size = 1;
            for (int d : shape) {
                if (d < 0) {
                    throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a negative dimension");
                }
                size = d == 0 || size <= Integer.MAX_VALUE ? size * d : size; // past any array: the check below fails
            }
            if (size != data.length) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + size
                        + " bytes, got " + data.length);
            }
        }
    }

    /** Writes the arrays as {@code <name>.npy} entries, in the map's order. */
    public static byte[] write(Map<String, Array> arrays) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, Array> e : arrays.entrySet()) {
                byte[] npy = npy(e.getValue());
                ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
                entry.setMethod(ZipEntry.STORED); // pixels barely compress; storing keeps reads cheap
                entry.setSize(npy.length);
                CRC32 crc = new CRC32();
                crc.update(npy);
                entry.setCrc(crc.getValue());
                entry.setTime(0); // same content, same bytes, same hash
                zip.putNextEntry(entry);
                zip.write(npy);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Reads every {@code .npy} entry; fails naming the entry when one is not a uint8 array, or when the entries
     * inflate to more than {@link #MAX_INFLATION} times the archive (a compression bomb: pixels barely compress).
     */
    public static Map<String, Array> read(byte[] npz) throws IOException {
        Map<String, Array> out = new HashMap<>();
        long budget = (long) npz.length * MAX_INFLATION + (1 << 20);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(npz))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName().replaceFirst("\\.npy$", "");
                byte[] npy = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, budget + 1));
                budget -= npy.length;
                if (budget < 0) {
                    throw new IOException(name + ".npy inflates past " + MAX_INFLATION + " times the " + npz.length
                            + "-byte archive: a compression bomb, or not a shard");
                }
                out.put(name, parseNpy(name, npy));
            }
        } catch (IllegalArgumentException e) { // a malformed zip header
            throw new IOException("not an .npz archive: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IOException("not an .npz archive: no arrays");
        }
        return out;
    }

    static byte[] npy(Array array) {
        StringBuilder shape = new StringBuilder();
        for (int d : array.shape()) {
            shape.append(d).append(", ");
        }
        // a 1-d shape keeps its trailing comma, "(n,)", as numpy writes it
        String dims = array.shape().length == 1 ? shape.toString().trim()
                : shape.substring(0, Math.max(0, shape.length() - 2));
        String header = "{'descr': '|u1', 'fortran_order': False, 'shape': (" + dims + "), }";
        int unpadded = MAGIC.length + 2 + 2 + header.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String padded = header + " ".repeat(padding) + "\n";
        byte[] headerBytes = padded.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[MAGIC.length + 4 + headerBytes.length + array.data().length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = 1; // format version 1.0
        out[7] = 0;
        out[8] = (byte) (headerBytes.length & 0xff);
        out[9] = (byte) (headerBytes.length >> 8);
        System.arraycopy(headerBytes, 0, out, 10, headerBytes.length);
        System.arraycopy(array.data(), 0, out, 10 + headerBytes.length, array.data().length);
        return out;
    }

    static Array parseNpy(String name, byte[] npy) throws IOException {
        if (npy.length < 10 || !Arrays.equals(Arrays.copyOf(npy, 6), MAGIC) || npy[6] != 1) {
            throw new IOException(name + ".npy: not a version 1 .npy array");
        }
        int headerLength = (npy[8] & 0xff) | (npy[9] & 0xff) << 8;
        if (10 + headerLength > npy.length) {
            throw new IOException(name + ".npy: truncated header");
        }
        String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
        Matcher descr = DESCR.matcher(header);
        Matcher shapeMatch = SHAPE.matcher(header);
        boolean uint8 = descr.find() && descr.group(1).endsWith("u1");
        if (!uint8 || !shapeMatch.find() || header.contains("'fortran_order': True")) {
            throw new IOException(name + ".npy: expected a C-ordered uint8 array, header " + header.trim());
        }
        byte[] data = Arrays.copyOfRange(npy, 10 + headerLength, npy.length);
        try {
            int[] shape = Arrays.stream(shapeMatch.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .mapToInt(Integer::parseInt).toArray();
            return new Array(shape, data);
        } catch (IllegalArgumentException e) { // a dimension that is not a number, negative, or a wrong size
            throw new IOException(name + ".npy: " + e.getMessage(), e);
        }
    }
}
