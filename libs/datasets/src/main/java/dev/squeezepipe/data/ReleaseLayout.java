package dev.squeezepipe.data;

import java.util.List;

/** File names and decoder of one official CIFAR-10 release layout. */
public enum ReleaseLayout {
    /** {@code cifar-10-batches-py}: pickled dicts. */
    PYTHON("cifar-10-batches-py", ""),
    /** {@code cifar-10-batches-bin}: fixed-length binary records. */
    BINARY("cifar-10-batches-bin", ".bin");

    private final String folder;
    private final String suffix;

    ReleaseLayout(String folder, String suffix) {
        this.folder = folder;
        this.suffix = suffix;
    }

    /** The release's top folder name. */
    public String folder() {
        return folder;
    }

    /** The batch files of {@code split}, in order. */
    public List<String> files(Split split) {
        if (split == Split.TEST) {
            return List.of("test_batch" + suffix);
        }
        return List.of("data_batch_1" + suffix, "data_batch_2" + suffix, "data_batch_3" + suffix,
                "data_batch_4" + suffix, "data_batch_5" + suffix);
    }

    ImageBatch decode(String source, byte[] content) throws DatasetFormatException {
        return this == PYTHON ? PythonBatchDecoder.decode(source, content) : BinaryBatchDecoder.decode(source, content);
    }
}
