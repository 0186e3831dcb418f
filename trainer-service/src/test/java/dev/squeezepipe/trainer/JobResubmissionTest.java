package dev.squeezepipe.trainer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.squeezepipe.events.JobState;
import dev.squeezepipe.events.TrainingJobStatusChanged;
import dev.squeezepipe.events.TrainingJobSubmitted;
import dev.squeezepipe.schema.SchemaVersion;
import dev.squeezepipe.spec.TrainingJobSpec;
import dev.squeezepipe.spec.TrainingJobSpec.Network;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobResubmissionTest {

    private static final Instant ENDED = Instant.parse("2026-12-08T10:00:00Z");

    private static TrainingJobSubmitted submittedAt(Instant at) {
        return new TrainingJobSubmitted(SchemaVersion.CURRENT, "job-1",
                TrainingJobSpec.plain("ds-1", Network.cifar10("cifar", 32), 2, 64), at);
    }

    private static TrainingJobStatusChanged status(JobState state) {
        return new TrainingJobStatusChanged(SchemaVersion.CURRENT, "job-1", "job-1", state, 1, 1, 2, 10,
                state == JobState.FAILED ? "corrupt shard" : null, "t-1", ENDED);
    }

    @Test
    void aJobThatHasNotEndedRunsOnWhenItsSubmissionComesAgain() {
        assertTrue(JobConsumer.runsAgain(submittedAt(ENDED.minusSeconds(60)), status(JobState.RUNNING)));
    }

    @Test
    void aRedeliveredSubmissionNeverRunsAFailedJobAgain() {
        assertFalse(JobConsumer.runsAgain(submittedAt(ENDED.minusSeconds(60)), status(JobState.FAILED)));
    }

    @Test
    void aSubmissionMadeAfterTheFailureRunsTheJobAgain() {
        assertTrue(JobConsumer.runsAgain(submittedAt(ENDED.plusSeconds(60)), status(JobState.FAILED)));
    }

    @Test
    void noSubmissionRunsACompletedJobAgain() {
        assertFalse(JobConsumer.runsAgain(submittedAt(ENDED.plusSeconds(60)), status(JobState.COMPLETED)));
    }
}
