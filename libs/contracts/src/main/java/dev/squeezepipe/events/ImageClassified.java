package dev.squeezepipe.events;

import dev.squeezepipe.schema.Versioned;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The result of a classification request (the record key is the client's request id).
 *
 * @param schema the format version it was written in (MAJOR.MINOR)
 * @param requestId the client's id
 * @param top the most probable classes, best first
 * @param modelId checkpoint id of the model that answered
 * @param modelVersion how many models the predictor has served, this one included
 * @param latencyMs from the request's timestamp to the result
 */
@Serdeable
public record ImageClassified(String schema, String requestId, List<ClassPrediction> top, String modelId,
        long modelVersion, double latencyMs) implements Versioned {}
