package dev.squeezepipe.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobLoopStateTest {

    private static final long NOW = Duration.ofHours(1).toNanos();

    @Test
    void aLoopThatPolledJustNowIsHealthy() {
        JobLoopState state = new JobLoopState(NOW - Duration.ofMillis(250).toNanos(), null);
        assertTrue(state.healthy(NOW));
        assertEquals(Map.of("lastPollSecondsAgo", 0L), state.details(NOW));
    }

    @Test
    void aFailedConsumerIsDownWithItsReasonUntilANewOnePolls() {
        JobLoopState failed = new JobLoopState(NOW - Duration.ofSeconds(2).toNanos(), "commit refused");
        assertFalse(failed.healthy(NOW));
        assertEquals("the job consumer failed: commit refused; a new one is on its way",
                failed.details(NOW).get("error"));
        assertTrue(new JobLoopState(NOW, null).healthy(NOW), "a new consumer's poll clears the failure");
    }

    @Test
    void aLoopThatNeverPolledOrStoppedPollingIsDown() {
        assertFalse(JobLoopState.starting().healthy(NOW));
        assertEquals("the job consumer has not polled yet", JobLoopState.starting().details(NOW).get("error"));
        JobLoopState stuck = new JobLoopState(NOW - JobLoopState.STALE.toNanos() - 1, null);
        assertFalse(stuck.healthy(NOW));
    }
}
