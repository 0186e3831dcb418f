package dev.squeezepipe.bench.hostile;

/**
 * One hostile input: what it is, which service gets it, and how the bench sends it and checks the refusal that
 * input must get (a status and a reason, or a dead letter and its reason), not merely that it was refused.
 */
record HostileCase(String name, String service, Attempt attempt) {

    /** Sends the input and says what came back. */
    @FunctionalInterface
    interface Attempt {
        Observed send(HostileRun run) throws Exception;
    }

    /** What came back, and whether it is the refusal the input must get. */
    record Observed(boolean asExpected, String what) {}
}
