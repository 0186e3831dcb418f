package dev.squeezepipe.errors;

import java.io.IOException;

/** Stored bytes that do not match what was announced for them (their sha256): fetching them again will not help. */
public class CorruptDataException extends IOException implements Permanent {

    private static final long serialVersionUID = 1L;

    public CorruptDataException(String reason) {
        super(reason);
    }
}
