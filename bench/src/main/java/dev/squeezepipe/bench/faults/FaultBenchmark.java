package dev.squeezepipe.bench.faults;

import dev.squeezepipe.bench.BenchResult;
import dev.squeezepipe.bench.faults.FaultScenario.Outcome;
import dev.squeezepipe.bench.faults.FaultScenario.Verdict;
import dev.squeezepipe.bench.stack.EventLog;
import dev.squeezepipe.bench.stack.ProcessStack;
import dev.squeezepipe.bench.stack.Waits;
import dev.squeezepipe.storage.Files2;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bench faults}: the embedded broker and S3 server, every service as its own process from its runnable jar,
 * and the faults a team running the stack meets, staged one after another; then a count, against what the bench
 * sent, of what was lost and what arrived twice.
 */
public final class FaultBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(FaultBenchmark.class);
    private static final List<String> TRAINERS = List.of("trainer-a", "trainer-b");
    private static final List<String> PREDICTORS = List.of("predictor-a", "predictor-b");

    private FaultBenchmark() {}

    /** The whole bench's scenarios, in the order they run: the ingest first, since the others need its dataset. */
    static List<FaultScenario> all() {
        return List.of(new TrainerKilled(), new BrokerAwayDuringTraining(), new BrokerAwayDuringBurst(),
                new S3AwayDuringCheckpoint(), new S3AwayDuringEvaluation(), new PredictorKilled(),
                new EvaluatorKilled(), new PredictorBootsFromS3(),
                new ShutdownWhileAway(ShutdownWhileAway.Away.BROKER), new ShutdownWhileAway(ShutdownWhileAway.Away.S3));
    }

    /** Runs every scenario with the bench's settings, the project's builds under {@code root}. */
    public static BenchResult run(Path root, Path data) throws Exception {
        return run(root, FaultSettings.bench(data), all());
    }

    /** Ingests (killing the first ingest midway), starts the services, runs {@code scenarios}, and counts. */
    static BenchResult run(Path root, FaultSettings settings, List<FaultScenario> scenarios) throws Exception {
        Path dir = Files.createTempDirectory("bench-faults-");
        LOG.info("fault bench: data and service logs under {}", dir);
        GroundTruth truth = new GroundTruth();
        boolean clean = false;
        try (ProcessStack stack = ProcessStack.start(dir, root);
                EventLog log = EventLog.start(stack.bootstrapServers());
                Traffic traffic = Traffic.open(stack.bootstrapServers(), settings.data(), truth)) {
            FaultRun run = new FaultRun(stack, log, truth, traffic, settings);
            List<Map<String, Object>> results = new ArrayList<>();
            results.add(stage(run, new IngestKilled()));
            if (run.datasetId() == null) {
                throw new IllegalStateException("no dataset ingested: " + results.get(0));
            }
            run.startServices(TRAINERS, PREDICTORS);
            for (FaultScenario scenario : scenarios) {
                results.add(stage(run, scenario));
            }
            Waits.until(settings.settleTimeout(), () -> settled(run));
            GroundTruth.Tally tally = truth.tally(log, stack.s3());
            tally.problems().forEach(p -> LOG.warn("lost: {}", p));
            BenchResult result = result(results, tally);
            clean = tally.lost() == 0 && results.stream().allMatch(r -> Boolean.TRUE.equals(r.get("passed")));
            return result;
        } finally {
            if (clean) {
                Files2.deleteTree(dir);
            } else {
                LOG.warn("fault bench: not all passed; the services' logs are kept in {}", dir.resolve("logs"));
            }
        }
    }

    private static Map<String, Object> stage(FaultRun run, FaultScenario scenario) {
        LOG.info("fault bench: {} ...", scenario.name());
        long start = System.nanoTime();
        Outcome outcome;
        try {
            outcome = scenario.run(run);
        } catch (Exception e) {
            LOG.warn("fault bench: {} broke off", scenario.name(), e);
            outcome = Outcome.failed("broke off: " + e);
        }
        double seconds = Math.round((System.nanoTime() - start) / 1e8) / 10.0;
        LOG.info("fault bench: {} {} in {} s: {}", scenario.name(), outcome.verdict(), seconds, outcome.detail());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", scenario.name());
        result.put("passed", outcome.verdict() == Verdict.PASSED);
        result.put("verdict", outcome.verdict().name().toLowerCase(Locale.ROOT));
        result.put("seconds", seconds);
        result.put("detail", outcome.detail());
        return result;
    }

    private static boolean settled(FaultRun run) {
        try {
            return run.truth().unfinishedJobs(run.log()).isEmpty()
                    && run.truth().unansweredRequests(run.log()).isEmpty()
                    && run.truth().unevaluatedCheckpoints(run.stack().s3()).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private static BenchResult result(List<Map<String, Object>> results, GroundTruth.Tally tally) {
        long passed = results.stream().filter(r -> Boolean.TRUE.equals(r.get("passed"))).count();
        long inconclusive = results.stream().filter(r -> "inconclusive".equals(r.get("verdict"))).count();
        return new BenchResult()
                .put("bench", "faults")
                .put("scenarios", results.size())
                .put("passed", passed)
                .put("inconclusive", inconclusive)
                .put("lost", tally.lost())
                .put("duplicates", tally.duplicates())
                .put("results", results);
    }
}
