package dev.squeezepipe.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TestScorerTest {

    @Test
    void tiedLogitsDoNotCountAsHits() {
        float[] allZero = new float[10];
        assertEquals(9, TestScorer.rank(allZero, 0, 10, 9), "a true class tied with nine others ranks last");
        assertEquals(0, TestScorer.rank(allZero, 0, 10, 0), "ties break by class index");
        float[] logits = {0, 3, 1, 0, 0, 2, 0, 0, 0, 0};
        assertEquals(0, TestScorer.rank(logits, 0, 10, 1));
        assertEquals(2, TestScorer.rank(logits, 0, 10, 2));
        assertEquals(3, TestScorer.rank(logits, 0, 10, 0));
    }
}
