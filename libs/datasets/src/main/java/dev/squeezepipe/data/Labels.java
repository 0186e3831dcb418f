package dev.squeezepipe.data;

/** Label validation shared by the readers. */
final class Labels {

    /** CIFAR-10's labels are 0-9. */
    static final int CLASSES = CifarClasses.NAMES.size();

    private Labels() {}

    /** {@code value} as a label, or an error naming the file and {@code where}. */
    static int check(String source, Object value, String where) throws DatasetFormatException {
        if (!(value instanceof Number number)) {
            throw new DatasetFormatException(source, "label at " + where + " is not a number: " + value);
        }
        int label = number.intValue();
        if (label < 0 || label >= CLASSES) {
            throw new DatasetFormatException(source, "label " + label + " at " + where + " is outside 0-"
                    + (CLASSES - 1));
        }
        return label;
    }
}
