package dev.squeezepipe.trainer;

import dev.squeezepipe.errors.Permanent;
import java.io.IOException;

/** A job's dataset did not come (or came otherwise than announced) within the trainer's dataset wait. */
public class DatasetUnavailableException extends IOException implements Permanent {

    private static final long serialVersionUID = 1L;

    public DatasetUnavailableException(String reason) {
        super(reason);
    }
}
