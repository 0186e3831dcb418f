package dev.squeezepipe.predictor;

import io.micronaut.runtime.Micronaut;

/** Runs the predictor alone, configured by environment. */
public final class PredictorApplication {

    private PredictorApplication() {}

    public static void main(String[] args) {
        Micronaut.build(args).environments("predictor").start();
    }
}
