package dev.squeezepipe.evaluator;

import io.micronaut.runtime.Micronaut;

/** Runs the evaluator alone, configured by environment. */
public final class EvaluatorApplication {

    private EvaluatorApplication() {}

    public static void main(String[] args) {
        Micronaut.build(args).environments("evaluator").start();
    }
}
