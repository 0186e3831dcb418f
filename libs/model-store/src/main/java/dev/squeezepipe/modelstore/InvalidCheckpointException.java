package dev.squeezepipe.modelstore;

import dev.squeezepipe.errors.Permanent;

/**
 * A checkpoint that can never load, however often it is tried: its sidecar is unreadable or of an unknown version,
 * its hash does not match, or its parameters do not fit the network its sidecar describes. Unlike an
 * {@link java.io.IOException} from S3, trying again does not help.
 */
public class InvalidCheckpointException extends Exception implements Permanent {

    private static final long serialVersionUID = 1L;

    public InvalidCheckpointException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
