package dev.squeezepipe.data;

/** Decodes one file of the CIFAR-10 binary release: records of 1 label byte and 3072 CHW pixel bytes. */
final class BinaryBatchDecoder {

    /** Bytes of one record. */
    static final int RECORD = 1 + CifarClasses.IMAGE_BYTES;

    private BinaryBatchDecoder() {}

    static ImageBatch decode(String source, byte[] file) throws DatasetFormatException {
        if (file.length == 0 || file.length % RECORD != 0) {
            long whole = file.length / RECORD;
            throw new DatasetFormatException(source, "wrong record length: " + file.length + " bytes is not a whole"
                    + " number of " + RECORD + "-byte records (record " + whole + " at offset " + whole * RECORD
                    + " has " + (file.length - whole * RECORD) + " bytes)");
        }
        int count = file.length / RECORD;
        int[] labels = new int[count];
        byte[] pixels = new byte[count * CifarClasses.IMAGE_BYTES];
        for (int i = 0; i < count; i++) {
            int offset = i * RECORD;
            labels[i] = Labels.check(source, file[offset] & 0xff, "record " + i + " (offset " + offset + ")");
            System.arraycopy(file, offset + 1, pixels, i * CifarClasses.IMAGE_BYTES, CifarClasses.IMAGE_BYTES);
        }
        return new ImageBatch(source, CifarClasses.SIDE, CifarClasses.SIDE, pixels, labels);
    }
}
