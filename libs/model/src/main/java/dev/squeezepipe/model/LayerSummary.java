package dev.squeezepipe.model;

import ai.djl.ndarray.types.Shape;

/**
 * One row of a model summary.
 *
 * @param name the layer's recipe name (conv1, fire2, ...)
 * @param outputShape shape of the layer's output in the forward pass, batch first
 * @param parameters trainable values in the layer
 * @param multiplyAccumulates multiply-accumulates per image
 */
public record LayerSummary(String name, Shape outputShape, long parameters, long multiplyAccumulates) {}
