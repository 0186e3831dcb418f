package dev.squeezepipe.data;

import java.io.IOException;

/** A dataset file that cannot be read as the format it claims; the message names the file and the problem. */
public class DatasetFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public DatasetFormatException(String source, String problem) {
        super(source + ": " + problem);
    }

    public DatasetFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
