package dev.squeezepipe.data;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Decodes one pickled batch of the CIFAR-10 python release: a dict with a uint8 {@code data} array and
 * {@code labels}.
 */
final class PythonBatchDecoder {

    private PythonBatchDecoder() {}

    static ImageBatch decode(String source, byte[] pickle) throws DatasetFormatException {
        CountingStream in = new CountingStream(new ByteArrayInputStream(pickle));
        Object root;
        CifarUnpickler unpickler = new CifarUnpickler(pickle.length);
        try {
            root = unpickler.load(in);
        } catch (IOException | RuntimeException e) { // a PickleException, or whatever else the bytes do to a parser
            String problem = in.count >= pickle.length ? "truncated pickle (ends at byte " + pickle.length + ")"
                    : e.getMessage() + " (at byte offset " + in.count + ")";
            throw new DatasetFormatException(source, problem, e);
        } finally {
            unpickler.close();
        }
        if (!(root instanceof Map<?, ?> dict)) {
            throw new DatasetFormatException(source, "unknown pickle content: expected a dict, found "
                    + (root == null ? "None" : root.getClass().getSimpleName()));
        }
        NumpyArray data = entry(source, dict, "data", NumpyArray.class);
        List<?> labelList = entry(source, dict, "labels", List.class);
        int[] shape = data.shape();
        if (shape.length != 2 || shape[1] != CifarClasses.IMAGE_BYTES) {
            throw new DatasetFormatException(source, "data array has shape " + Arrays.toString(shape)
                    + ", expected (N, " + CifarClasses.IMAGE_BYTES + ")");
        }
        if (labelList.size() != shape[0]) {
            throw new DatasetFormatException(source, labelList.size() + " labels for " + shape[0] + " images");
        }
        int[] labels = new int[shape[0]];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = Labels.check(source, labelList.get(i), "image " + i);
        }
        return new ImageBatch(source, CifarClasses.SIDE, CifarClasses.SIDE, data.data(), labels);
    }

    private static <T> T entry(String source, Map<?, ?> dict, String key, Class<T> type)
            throws DatasetFormatException {
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            Object k = e.getKey() instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : e.getKey();
            if (key.equals(k)) {
                if (!type.isInstance(e.getValue())) {
                    throw new DatasetFormatException(source, "unknown pickle content: '" + key + "' is a "
                            + (e.getValue() == null ? "None" : e.getValue().getClass().getSimpleName()));
                }
                return type.cast(e.getValue());
            }
        }
        throw new DatasetFormatException(source, "unknown pickle content: no '" + key + "' entry");
    }

    /** Counts bytes read, to say where a broken pickle broke. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
