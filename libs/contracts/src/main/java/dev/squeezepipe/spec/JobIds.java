package dev.squeezepipe.spec;

import java.util.regex.Pattern;

/**
 * What a job id may be: it becomes the run id and the prefix of the run's objects in S3, so it holds no {@code /}
 * (one run's listing would take in another's) and nothing a key or a URL path must escape.
 */
public final class JobIds {

    /** 1-64 letters, digits, {@code _} and {@code -}. */
    public static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private JobIds() {}

    /** Whether {@code jobId} may name a job. */
    public static boolean isValid(String jobId) {
        return jobId != null && VALID.matcher(jobId).matches();
    }

    /** Why {@code jobId} may not name a job, for the 400 and the dead letter. */
    public static String whyInvalid(String jobId) {
        String shown = jobId == null ? "none" : "'" + (jobId.length() > 80 ? jobId.substring(0, 80) + "…" : jobId)
                + "'";
        return "job id " + shown + " is not 1-64 letters, digits, '_' or '-'";
    }
}
