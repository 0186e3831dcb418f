package dev.squeezepipe.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.squeezepipe.events.JobState;
import dev.squeezepipe.events.TrainingJobStatusChanged;
import dev.squeezepipe.schema.SchemaVersion;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobStatusViewTest {

    private static final Instant T0 = Instant.parse("2026-12-08T00:00:00Z");

    private static TrainingJobStatusChanged status(String job, JobState state, int seconds) {
        return new TrainingJobStatusChanged(SchemaVersion.CURRENT, job, job, state, 1, 0, 3, 0, null, "t",
                T0.plusSeconds(seconds));
    }

    @Test
    void keepsTheNewestStatusOfTheJobsUpdatedLast() {
        JobStatusView view = new JobStatusView(null, 2);
        view.published(status("a", JobState.ACCEPTED, 0));
        view.published(status("b", JobState.ACCEPTED, 1));
        view.published(status("a", JobState.RUNNING, 2)); // a is now the most recently updated
        view.published(status("c", JobState.ACCEPTED, 3));
        assertTrue(view.latest("b").isEmpty(), "b was updated least lately");
        assertEquals(JobState.RUNNING, view.latest("a").orElseThrow().state());
        view.published(status("a", JobState.ACCEPTED, 1)); // an older status read late
        assertEquals(JobState.RUNNING, view.latest("a").orElseThrow().state(), "a late old status changes nothing");
        assertEquals(JobState.ACCEPTED, view.latest("c").orElseThrow().state());
    }
}
