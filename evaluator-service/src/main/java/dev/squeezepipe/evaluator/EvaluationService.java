package dev.squeezepipe.evaluator;

import dev.squeezepipe.data.Split;
import dev.squeezepipe.errors.Failures;
import dev.squeezepipe.events.CheckpointEvaluated;
import dev.squeezepipe.events.CheckpointPublished;
import dev.squeezepipe.events.EvaluationOutcome;
import dev.squeezepipe.model.SqueezeNetConfig;
import dev.squeezepipe.model.TestScorer;
import dev.squeezepipe.model.TestScores;
import dev.squeezepipe.modelstore.CheckpointLoader;
import dev.squeezepipe.modelstore.ForeignCheckpointException;
import dev.squeezepipe.modelstore.InvalidCheckpointException;
import dev.squeezepipe.modelstore.LoadedCheckpoint;
import dev.squeezepipe.modelstore.SplitData;
import dev.squeezepipe.modelstore.StoredSplits;
import dev.squeezepipe.preprocess.PreprocessSpec;
import dev.squeezepipe.preprocess.Preprocessor;
import dev.squeezepipe.schema.SchemaVersion;
import dev.squeezepipe.schema.UnreadableRecordException;
import dev.squeezepipe.schema.VersionedJson;
import dev.squeezepipe.service.ObjectStore;
import dev.squeezepipe.service.TransientFailures;
import dev.squeezepipe.storage.ObjectLayout;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores one checkpoint on its dataset's test split: verifies the parameters against the announced sha256,
 * rebuilds the network from the sidecar, and publishes top-1, top-5, mean loss, per-class accuracy and the
 * confusion matrix. Each checkpoint is evaluated once: its record in S3 marks it done, so a repeated event or
 * a restart skips it. What is wrong with a checkpoint becomes a FAILED evaluation with the reason; what is wrong
 * with the infrastructure is thrown, so that the event is read again.
 */
@Singleton
@Requires(env = "evaluator")
public class EvaluationService {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluationService.class);

    private final ObjectStore store;
    private final CheckpointLoader loader;
    private final StoredSplits splits;
    private final EvaluatorEvents events;
    private final EvaluatorMetrics metrics;
    private final EvaluatorSettings settings;
    private final JsonMapper json;
    private String testDatasetId;
    private SplitData testData;

    public EvaluationService(ObjectStore store, CheckpointLoader loader, StoredSplits splits, EvaluatorEvents events,
            EvaluatorMetrics metrics, EvaluatorSettings settings, JsonMapper json) {
        this.store = store;
        this.loader = loader;
        this.splits = splits;
        this.events = events;
        this.metrics = metrics;
        this.settings = settings;
        this.json = json;
    }

    /**
     * Evaluates {@code checkpoint} unless it was already, and returns once the evaluation is published and recorded.
     * A checkpoint that can never be scored (it does not load, its network does not run, its dataset has no test
     * split) gets a FAILED evaluation with the reason. A failure that may pass (S3 away for longer than its retries,
     * the broker not acknowledging) throws, records nothing, and leaves the event to be read again.
     */
    public synchronized void evaluate(CheckpointPublished checkpoint)
            throws IOException, InterruptedException, ForeignCheckpointException {
        ForeignCheckpointException.check(checkpoint, settings.checkpointsBucket()); // before its keys are used
        String recordKey = ObjectLayout.evaluationKey(checkpoint.runId(), checkpoint.epoch());
        store.ensureBucket(settings.evaluationsBucket());
        if (store.exists(settings.evaluationsBucket(), recordKey)) {
            LOG.info("Checkpoint {} already evaluated; skipping", checkpoint.checkpointId());
            return;
        }
        CheckpointEvaluated result = scoreOrFail(checkpoint);
        events.evaluated(checkpoint.runId(), result);
        // recorded after publishing: a crash in between evaluates again rather than losing the event
        store.put(settings.evaluationsBucket(), recordKey, json.writeValueAsBytes(result), "application/json");
    }

    /** The checkpoint's scores, or a FAILED evaluation when it can never be scored; throws what may pass. */
    private CheckpointEvaluated scoreOrFail(CheckpointPublished checkpoint)
            throws IOException, InterruptedException, ForeignCheckpointException {
        long start = System.nanoTime();
        try {
            TestScores scores = score(checkpoint);
            boolean best = recordIfBest(checkpoint, scores);
            metrics.evaluated(checkpoint.runId(), checkpoint.epoch(), scores.top1(), scores.top5(),
                    Duration.ofNanos(System.nanoTime() - start));
            LOG.info("Checkpoint {}: top-1 {}, top-5 {} on {} test images{}{}", checkpoint.checkpointId(),
                    String.format("%.4f", scores.top1()), String.format("%.4f", scores.top5()), scores.images(),
                    settings.testTimeFlips() ? " with test-time flips" : "", best ? " (best of its run so far)" : "");
            return completed(checkpoint, scores, best, (System.nanoTime() - start) / 1e9, settings.testTimeFlips());
        } catch (IOException e) {
            if (TransientFailures.isTransient(e)) {
                throw e;
            }
            return cannotBeScored(checkpoint, e, start); // corrupt or missing data: asking again will not help
        } catch (ForeignCheckpointException e) {
            throw e; // not a checkpoint of ours that failed: no evaluation, a dead letter
        } catch (InvalidCheckpointException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("stopping: " + Failures.reason(e)); // not the checkpoint's fault
            }
            return cannotBeScored(checkpoint, e, start);
        }
    }

    private CheckpointEvaluated cannotBeScored(CheckpointPublished checkpoint, Exception e, long start) {
        String reason = Failures.reason(e);
        LOG.error("Checkpoint {} cannot be evaluated: {}", checkpoint.checkpointId(), reason);
        metrics.failed();
        return failed(checkpoint, reason, (System.nanoTime() - start) / 1e9);
    }

    private TestScores score(CheckpointPublished checkpoint)
            throws IOException, InvalidCheckpointException, InterruptedException {
        try (LoadedCheckpoint loaded = loader.load(checkpoint, settings.checkpointsBucket())) {
            SqueezeNetConfig config = loaded.config();
            SplitData test = testSplit(loaded.sidecar().spec().datasetId());
            return TestScorer.score(loaded.model().getBlock(), test.asImageBatch("test"),
                    new Preprocessor(PreprocessSpec.recipe(config.inputSize(), false)), settings.batchSize(),
                    config.classes(), settings.testTimeFlips());
        } catch (IOException | InvalidCheckpointException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("scoring failed: " + Failures.reason(e), e); // the network, not S3
        }
    }

    /** The dataset's test split, kept in memory for the next checkpoint of the same dataset. */
    private SplitData testSplit(String datasetId) throws IOException, InterruptedException {
        if (!datasetId.equals(testDatasetId)) {
            testData = splits.load(settings.datasetsBucket(), datasetId, Split.TEST, 0);
            testDatasetId = datasetId;
        }
        return testData;
    }

    private boolean recordIfBest(CheckpointPublished checkpoint, TestScores scores) throws IOException {
        String key = ObjectLayout.bestEvaluationKey(checkpoint.runId());
        String bucket = settings.evaluationsBucket();
        CheckpointEvaluated stored = store.exists(bucket, key) ? storedBest(bucket, key) : null;
        // a best scored with the other flip setting is not comparable: the newer setting replaces it
        if (stored != null && stored.testTimeFlips() == settings.testTimeFlips() && stored.top1() >= scores.top1()) {
            return false;
        }
        CheckpointEvaluated best = completed(checkpoint, scores, true, 0, settings.testTimeFlips());
        store.put(bucket, key, json.writeValueAsBytes(best), "application/json");
        return true;
    }

    /** The run's best record, or null when it cannot be read: it is then replaced, not retried forever. */
    private CheckpointEvaluated storedBest(String bucket, String key) throws IOException {
        try {
            return VersionedJson.read(json, store.get(bucket, key), CheckpointEvaluated.class);
        } catch (UnreadableRecordException e) {
            LOG.warn("Best record {}/{} unreadable ({}); the checkpoint scored now replaces it", bucket, key,
                    e.getMessage());
            return null;
        }
    }

    private static CheckpointEvaluated completed(CheckpointPublished c, TestScores s, boolean best, double seconds,
            boolean flips) {
        List<List<Long>> confusion = new ArrayList<>();
        for (long[] row : s.confusion()) {
            confusion.add(Arrays.stream(row).boxed().toList());
        }
        return new CheckpointEvaluated(SchemaVersion.CURRENT, c.checkpointId(), c.runId(), c.epoch(),
                EvaluationOutcome.SCORED, null, s.images(), s.top1(), s.top5(), s.meanLoss(),
                Arrays.stream(s.perClassAccuracy()).boxed().toList(), confusion, best, seconds, Instant.now(), flips);
    }

    private static CheckpointEvaluated failed(CheckpointPublished c, String reason, double seconds) {
        return new CheckpointEvaluated(SchemaVersion.CURRENT, c.checkpointId(), c.runId(), c.epoch(),
                EvaluationOutcome.FAILED, reason, 0, 0, 0, 0, List.of(), List.of(), false, seconds, Instant.now(),
                false);
    }
}
