package dev.squeezepipe.bench.faults;


/** One fault the bench stages against the running services, and how it checks that nothing was lost. */
interface FaultScenario {

    /** The scenario's name in the bench's results. */
    String name();

    /**
     * Stages the fault and waits for the services to get over it. An outcome passes only when the fault provably
     * hit (the killed process is gone, a retry counter rose, the job resumed past epoch 0) and nothing it touched
     * was lost; when the fault missed, the outcome is inconclusive.
     */
    Outcome run(FaultRun run) throws Exception;

    /** What a scenario found. */
    enum Verdict { PASSED, FAILED, INCONCLUSIVE }

    /** A verdict and what it rests on. */
    record Outcome(Verdict verdict, String detail) {

        static Outcome passed(String detail) {
            return new Outcome(Verdict.PASSED, detail);
        }

        static Outcome failed(String detail) {
            return new Outcome(Verdict.FAILED, detail);
        }

        static Outcome inconclusive(String detail) {
            return new Outcome(Verdict.INCONCLUSIVE, detail);
        }
    }
}
