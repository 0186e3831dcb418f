package dev.squeezepipe.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ObjectLayoutTest {

    @Test
    void tellsTheKeysItMakesFromTheirNeighbours() {
        assertTrue(ObjectLayout.isCheckpointSidecarKey(ObjectLayout.checkpointSidecarKey("job-1", 3, 120)));
        assertFalse(ObjectLayout.isCheckpointSidecarKey(ObjectLayout.checkpointParamsKey("job-1", 3, 120)));
        assertFalse(ObjectLayout.isCheckpointSidecarKey(ObjectLayout.evaluationKey("job-1", 3)));
        assertTrue(ObjectLayout.isEvaluationKey(ObjectLayout.evaluationKey("job-1", 3)));
        assertFalse(ObjectLayout.isEvaluationKey(ObjectLayout.bestEvaluationKey("job-1")));
        assertFalse(ObjectLayout.isEvaluationKey(ObjectLayout.checkpointSidecarKey("job-1", 3, 120)));
    }
}
