package dev.squeezepipe.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class NpzTest {

    @Test
    void roundTripsUint8ArraysWithAlignedHeaders() throws IOException {
        Map<String, Npz.Array> arrays = new LinkedHashMap<>();
        arrays.put("images", new Npz.Array(new int[] {2, 3, 2, 2}, new byte[24]));
        arrays.put("labels", new Npz.Array(new int[] {2}, new byte[] {4, 9}));
        byte[] npz = Npz.write(arrays);
        Map<String, Npz.Array> back = Npz.read(npz);
        assertArrayEquals(new int[] {2, 3, 2, 2}, back.get("images").shape());
        assertArrayEquals(new byte[] {4, 9}, back.get("labels").data());
        byte[] npy = Npz.npy(arrays.get("labels"));
        assertEquals(0, (10 + ((npy[8] & 0xff) | (npy[9] & 0xff) << 8)) % 64, "numpy aligns the data to 64 bytes");
        assertEquals(Hashing.sha256Hex(npz), Hashing.sha256Hex(Npz.write(arrays)), "same arrays, same bytes");
    }

    @Test
    void rejectsNonNumpyContent() {
        assertThrows(IOException.class, () -> Npz.parseNpy("x", "not numpy at all".getBytes()));
    }

    @Test
    void refusesAnArchiveWhoseEntriesInflateFarPastItsSize() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("images.npy"));
            zip.write(new byte[64 << 20]); // 64 MiB of zeros deflate to about 64 KiB
            zip.closeEntry();
        }
        IOException refused = assertThrows(IOException.class, () -> Npz.read(bomb.toByteArray()));
        assertTrue(refused.getMessage().startsWith("images.npy inflates past 16 times the"), refused.getMessage());
    }

    @Test
    void refusesShapesThatAreNegativeNotNumbersOrOfTheWrongSize() {
        for (String dims : new String[] {"-3, 2", "two, 2", "65536, 65536, 65536", "3, 3"}) {
            String header = "{'descr': '|u1', 'fortran_order': False, 'shape': (" + dims + "), }\n";
            byte[] npy = new byte[10 + header.length() + 6];
            System.arraycopy(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, 0, npy, 0, 8);
            npy[8] = (byte) header.length();
            System.arraycopy(header.getBytes(StandardCharsets.US_ASCII), 0, npy, 10, header.length());
            IOException refused = assertThrows(IOException.class, () -> Npz.parseNpy("images", npy), dims);
            assertTrue(refused.getMessage().startsWith("images.npy: "), refused.getMessage());
        }
    }
}
