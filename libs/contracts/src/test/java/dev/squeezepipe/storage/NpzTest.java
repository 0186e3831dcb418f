package dev.squeezepipe.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
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
}
