package dev.squeezepipe.trainer;

import io.micronaut.runtime.Micronaut;

/** Runs one trainer alone, configured by environment; start more to train more jobs at once. */
public final class TrainerApplication {

    private TrainerApplication() {}

    public static void main(String[] args) {
        Micronaut.build(args).environments("trainer").start();
    }
}
