package dev.squeezepipe.predictor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.squeezepipe.events.CheckpointEvaluated;
import dev.squeezepipe.events.CheckpointPublished;
import dev.squeezepipe.events.EvaluationOutcome;
import dev.squeezepipe.schema.SchemaVersion;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the follower offers the swapper under each policy, whatever order its events come in. */
class ModelFollowerTest {

    private static final Instant T0 = Instant.parse("2026-12-08T00:00:00Z");

    private final List<String> offered = new ArrayList<>();

    private ModelFollower follower(ServingPolicy policy) {
        PredictorSettings settings = new PredictorSettings(policy, 32, Duration.ofMillis(5), 2, 1, 5, false, 1L << 28,
                "datasets", "checkpoints", "evaluations");
        return new ModelFollower(checkpoint -> offered.add(checkpoint.checkpointId()), null, settings,
                new SimpleMeterRegistry());
    }

    private static CheckpointPublished checkpoint(String run, int epoch, int secondsMade) {
        return new CheckpointPublished(SchemaVersion.CURRENT, run + "/" + epoch, run, run, "ds", epoch, epoch * 10L,
                "checkpoints", "p", "s", "sha", "cifar", 10, 32, 1.0, 0.5, T0.plusSeconds(secondsMade));
    }

    private static CheckpointEvaluated evaluation(String checkpointId, double top1) {
        return new CheckpointEvaluated(SchemaVersion.CURRENT, checkpointId, checkpointId.split("/")[0], 1,
                EvaluationOutcome.SCORED, null, 100, top1, 1.0, 1.0, List.of(), List.of(), false, 1.0, T0, false);
    }

    @Test
    void latestOffersOnlyACheckpointMadeAfterEveryOneOfferedBefore() {
        ModelFollower latest = follower(ServingPolicy.LATEST);
        latest.follow(checkpoint("a", 2, 20));
        latest.follow(checkpoint("a", 1, 10)); // read late from another partition
        latest.follow(checkpoint("b", 1, 30));
        latest.follow(checkpoint("a", 3, 25));
        assertEquals(List.of("a/2", "b/1"), offered);
        assertEquals(0, latest.unmatched(), "latest keeps no checkpoint once decided");
    }

    @Test
    void bestOffersEachCheckpointThatBeatsTheBestSoFarWhicheverHalfComesSecond() {
        ModelFollower best = follower(ServingPolicy.BEST);
        best.evaluated(evaluation("a/1", 0.5));
        best.follow(checkpoint("a", 1, 10));
        best.follow(checkpoint("a", 2, 20));
        best.evaluated(evaluation("a/2", 0.4));
        best.follow(checkpoint("a", 3, 30));
        best.evaluated(evaluation("a/3", 0.7));
        assertEquals(List.of("a/1", "a/3"), offered);
        assertEquals(0, best.unmatched(), "decided pairs are let go");
    }

    @Test
    void checkpointsWaitingForTheirEvaluationAreBounded() {
        ModelFollower best = follower(ServingPolicy.BEST);
        int checkpoints = ModelFollower.KEPT_UNMATCHED + 5;
        for (int epoch = 1; epoch <= checkpoints; epoch++) {
            best.follow(checkpoint("r", epoch, epoch));
        }
        assertEquals(ModelFollower.KEPT_UNMATCHED, best.unmatched());
        best.evaluated(evaluation("r/3", 0.9)); // its checkpoint was among the oldest, let go
        assertEquals(List.of(), offered);
        best.evaluated(evaluation("r/" + checkpoints, 0.9));
        assertEquals(List.of("r/" + checkpoints), offered);
    }
}
