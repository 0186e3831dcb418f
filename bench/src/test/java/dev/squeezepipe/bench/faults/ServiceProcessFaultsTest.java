package dev.squeezepipe.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.squeezepipe.bench.faults.FaultScenario.Outcome;
import dev.squeezepipe.bench.faults.FaultScenario.Verdict;
import dev.squeezepipe.bench.stack.EventLog;
import dev.squeezepipe.bench.stack.ProcessStack;
import dev.squeezepipe.bench.stack.Waits;
import dev.squeezepipe.events.DatasetReady;
import dev.squeezepipe.storage.Files2;
import dev.squeezepipe.testing.CifarFixtures;
import dev.squeezepipe.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two of the fault bench's scenarios, on a small dataset with a short outage: the trainers run as their own
 * processes from the jars this build packaged, against a broker in a child process that is SIGKILLed and
 * restarted. The whole bench is {@code ./pipeline bench faults}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceProcessFaultsTest {

    private Path dir;
    private ProcessStack stack;
    private EventLog log;
    private Traffic traffic;
    private FaultRun run;
    private boolean allPassed = true;

    @BeforeAll
    void startTwoTrainersOnAnIngestedDataset() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        FaultSettings settings = FaultSettings.quick(CifarFixtures.sharedArchive());
        dir = Files.createTempDirectory("faults-test-");
        stack = ProcessStack.start(dir, root);
        log = EventLog.start(stack.bootstrapServers());
        GroundTruth truth = new GroundTruth();
        traffic = Traffic.open(stack.bootstrapServers(), settings.data(), truth);
        run = new FaultRun(stack, log, truth, traffic, settings);
        run.awaitHealthy(List.of(run.startIngest(true)));
        Waits.until(settings.settleTimeout(), () -> log.values(Topics.DATASET_READY, DatasetReady.class).size() == 2);
        run.datasetId(log.values(Topics.DATASET_READY, DatasetReady.class).get(0).datasetId());
        run.awaitHealthy(List.of(run.startTrainer("trainer-a"), run.startTrainer("trainer-b")));
    }

    @AfterAll
    void stopEverything() throws Exception {
        traffic.close();
        log.close();
        stack.close();
        if (allPassed) {
            Files2.deleteTree(dir);
        }
    }

    @Test
    void aTrainerKilledMidEpochLeavesItsJobToTheOtherWhichResumesPastEpochZero() throws Exception {
        assertPassed(new TrainerKilled().run(run));
    }

    @Test
    void aJobRunningWhenTheBrokerIsKilledAndRestartedCompletesAllItsEpochs() throws Exception {
        assertPassed(new BrokerAwayDuringTraining().run(run));
    }

    private void assertPassed(Outcome outcome) {
        assertNotNull(run.datasetId());
        allPassed &= outcome.verdict() == Verdict.PASSED; // a failure keeps the services' logs
        assertEquals(Verdict.PASSED, outcome.verdict(), outcome.detail() + " (service logs in " + dir + "/logs)");
    }
}
