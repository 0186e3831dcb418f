package dev.squeezepipe.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JobIdsTest {

    @Test
    void generatedAndPlainIdsAreValid() {
        for (String id : List.of("job-0f8b4a2c-1d3e-4f5a-9b6c-7d8e9f0a1b2c", "a", "run_2026-12-08", "x".repeat(64))) {
            assertTrue(JobIds.isValid(id), id);
        }
    }

    @Test
    void idsThatWouldNestEscapeOrOverflowAreNot() {
        for (String id : List.of("", "a/x", "../etc", "a b", "a%2Fx", "é", "x".repeat(65), "a\u0000b")) {
            assertFalse(JobIds.isValid(id), id);
        }
        assertFalse(JobIds.isValid(null));
    }

    @Test
    void theReasonQuotesAnIdCutShort() {
        assertEquals("job id 'a/x' is not 1-64 letters, digits, '_' or '-'", JobIds.whyInvalid("a/x"));
        assertEquals("job id none is not 1-64 letters, digits, '_' or '-'", JobIds.whyInvalid(null));
        assertTrue(JobIds.whyInvalid("y".repeat(500)).contains("y".repeat(80) + "…'"));
    }
}
