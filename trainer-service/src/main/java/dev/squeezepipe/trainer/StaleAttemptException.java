package dev.squeezepipe.trainer;

/**
 * A later attempt has taken this attempt's run: this one stops without writing anything more, and without
 * reporting the job failed, since the job goes on in the newer attempt.
 */
public class StaleAttemptException extends Exception {

    public StaleAttemptException(String message) {
        super(message);
    }
}
