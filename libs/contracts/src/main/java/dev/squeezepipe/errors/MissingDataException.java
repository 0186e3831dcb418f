package dev.squeezepipe.errors;

import java.io.IOException;

/** Data that should be stored is not (a dataset split without its manifest, say): asking again will not help. */
public class MissingDataException extends IOException implements Permanent {

    private static final long serialVersionUID = 1L;

    public MissingDataException(String reason) {
        super(reason);
    }
}
