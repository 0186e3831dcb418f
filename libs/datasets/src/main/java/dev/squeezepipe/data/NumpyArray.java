package dev.squeezepipe.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.razorvine.pickle.PickleException;

/**
 * A uint8 numpy array rebuilt from a pickle ({@code _reconstruct} then {@code __setstate__}); other dtypes
 * are refused, since CIFAR-10's pixel arrays are uint8.
 */
final class NumpyArray {

    private int[] shape = new int[0];
    private byte[] data;

    int[] shape() {
        return shape.clone();
    }

    byte[] data() {
        return data;
    }

    /** numpy's state tuple: (version, shape, dtype, is_fortran, raw bytes). */
    void setState(Object state) {
        if (!(state instanceof Object[] tuple) || tuple.length != 5) {
            throw new PickleException("ndarray state is not numpy's 5-tuple");
        }
        if (!(tuple[2] instanceof NumpyDtype dtype) || !dtype.isUint8()) {
            throw new PickleException("ndarray dtype is " + tuple[2] + ", expected uint8");
        }
        if (Boolean.TRUE.equals(tuple[3])) {
            throw new PickleException("Fortran-ordered arrays are not supported");
        }
        shape = toShape(tuple[1]);
        data = toBytes(tuple[4]);
        long expected = 1;
        for (int d : shape) {
            expected *= d;
        }
        if (expected != data.length) {
            throw new PickleException("ndarray of shape " + Arrays.toString(shape) + " holds "
                    + data.length + " bytes, expected " + expected);
        }
    }

    private static int[] toShape(Object value) {
        Object[] dims = value instanceof Object[] a ? a : value instanceof List<?> l ? l.toArray() : null;
        if (dims == null) {
            throw new PickleException("ndarray shape is not a tuple");
        }
        int[] out = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = ((Number) dims[i]).intValue();
        }
        return out;
    }

    private static byte[] toBytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof String text) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
        throw new PickleException("ndarray data is " + (value == null ? "None" : value.getClass().getSimpleName())
                + ", expected raw bytes");
    }

    /** A numpy dtype; only its type string matters here. */
    static final class NumpyDtype {
        private final String type;

        NumpyDtype(String type) {
            this.type = type;
        }

        boolean isUint8() {
            return "u1".equals(type) || "uint8".equals(type);
        }

        /** dtype state: (version, byte order, ...); the type string already says all that uint8 needs. */
        void setState(Object state) {
            // uint8 has no byte order; nothing in the state changes how the bytes are read
        }

        @Override
        public String toString() {
            return "dtype('" + type + "')";
        }
    }
}
