package dev.squeezepipe.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BrokerPlacementTest {

    @Test
    void readsEitherSpelling() {
        assertEquals(BrokerPlacement.IN_PROCESS, BrokerPlacement.parse("in-process"));
        assertEquals(BrokerPlacement.CHILD_PROCESS, BrokerPlacement.parse(" CHILD_PROCESS "));
    }

    @Test
    void rejectsAnUnknownPlacementNamingTheKnownOnes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> BrokerPlacement.parse("docker"));
        assertTrue(error.getMessage().contains("'docker'") && error.getMessage().contains("in-process")
                && error.getMessage().contains("child-process"), error.getMessage());
    }
}
