package dev.squeezepipe.trainer;

/** A job that can never run as given; the message says why. */
public class InvalidJobException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidJobException(String reason) {
        super(reason);
    }
}
