package dev.squeezepipe.ingest;

import io.micronaut.runtime.Micronaut;

/** Runs the ingest service alone, configured by environment. */
public final class IngestApplication {

    private IngestApplication() {}

    public static void main(String[] args) {
        Micronaut.build(args).environments("ingest").start();
    }
}
