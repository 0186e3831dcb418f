package dev.squeezepipe.events;

import io.micronaut.serde.annotation.Serdeable;

/** One of the top-k classes of a classification. */
@Serdeable
public record ClassPrediction(int label, String className, double probability) {}
