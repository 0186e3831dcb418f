package dev.squeezepipe.predictor;

import dev.squeezepipe.events.ClassPrediction;
import java.util.List;

/** The classes a model gave one image, best first, and which model it was. */
record Prediction(List<ClassPrediction> top, String modelId, long modelVersion) {}
