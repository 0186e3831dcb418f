package dev.squeezepipe.trainer;

import dev.squeezepipe.errors.Permanent;

/** A job that can never run as given; the message says why. */
public class InvalidJobException extends Exception implements Permanent {

    private static final long serialVersionUID = 1L;

    public InvalidJobException(String reason) {
        super(reason);
    }
}
