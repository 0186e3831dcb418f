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
import dev.squeezepipe.modelstore.LoadedCheckpoint;
import dev.squeezepipe.modelstore.SplitData;
import dev.squeezepipe.modelstore.StoredSplits;
import dev.squeezepipe.preprocess.PreprocessSpec;
import dev.squeezepipe.preprocess.Preprocessor;
import dev.squeezepipe.schema.SchemaVersion;
import dev.squeezepipe.service.ObjectStore;
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
 * a restart skips it. Whatever is wrong with a checkpoint becomes a FAILED evaluation with the reason.
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
            EvaluatorMetrics metrics,
            EvaluatorSettings settings, JsonMapper json) {
        this.store = store;
        this.loader = loader;
        this.splits = splits;
        this.events = events;
        this.metrics = metrics;
        this.settings = settings;
        this.json = json;
    }

    /** Evaluates {@code checkpoint} unless it was already; never throws. */
    public synchronized void evaluate(CheckpointPublished checkpoint) {
        String recordKey = ObjectLayout.evaluationKey(checkpoint.runId(), checkpoint.epoch());
        try {
            store.ensureBucket(settings.evaluationsBucket());
            if (store.exists(settings.evaluationsBucket(), recordKey)) {
                LOG.info("Checkpoint {} already evaluated; skipping", checkpoint.checkpointId());
                return;
            }
        } catch (IOException e) {
            LOG.error("Cannot check whether {} was evaluated: {}", checkpoint.checkpointId(), e.getMessage());
            return;
        }
        long start = System.nanoTime();
        CheckpointEvaluated result;
        try {
            TestScores scores = score(checkpoint);
            boolean best = recordIfBest(checkpoint, scores);
            result = completed(checkpoint, scores, best, (System.nanoTime() - start) / 1e9, settings.testTimeFlips());
            metrics.evaluated(checkpoint.runId(), checkpoint.epoch(), scores.top1(), scores.top5(),
                    Duration.ofNanos(System.nanoTime() - start));
            LOG.info("Checkpoint {}: top-1 {}, top-5 {} on {} test images{}{}", checkpoint.checkpointId(),
                    String.format("%.4f", scores.top1()), String.format("%.4f", scores.top5()), scores.images(),
                    settings.testTimeFlips() ? " with test-time flips" : "", best ? " (best of its run so far)" : "");
        } catch (Exception e) {
            String reason = Failures.reason(e);
            LOG.error("Checkpoint {} could not be evaluated: {}", checkpoint.checkpointId(), reason);
            metrics.failed();
            result = failed(checkpoint, reason, (System.nanoTime() - start) / 1e9);
        }
        events.evaluated(checkpoint.runId(), result);
        try {
            // written after publishing: a crash in between evaluates again rather than losing the event
            store.put(settings.evaluationsBucket(), recordKey, json.writeValueAsBytes(result), "application/json");
        } catch (IOException e) {
            LOG.error("Could not record the evaluation of {}: {}", checkpoint.checkpointId(), e.getMessage());
        }
    }

    private TestScores score(CheckpointPublished checkpoint) throws Exception {
        try (LoadedCheckpoint loaded = loader.load(checkpoint)) {
            SqueezeNetConfig config = loaded.config();
            SplitData test = testSplit(loaded.sidecar().spec().datasetId());
            return TestScorer.score(loaded.model().getBlock(), test.asImageBatch("test"),
                    new Preprocessor(PreprocessSpec.recipe(config.inputSize(), false)), settings.batchSize(),
                    config.classes(), settings.testTimeFlips());
        }
    }

    /** The dataset's test split, kept in memory for the next checkpoint of the same dataset. */
    private SplitData testSplit(String datasetId) throws Exception {
        if (!datasetId.equals(testDatasetId)) {
            testData = splits.load(settings.datasetsBucket(), datasetId, Split.TEST, 0);
            testDatasetId = datasetId;
        }
        return testData;
    }

    private boolean recordIfBest(CheckpointPublished checkpoint, TestScores scores) throws IOException {
        String key = ObjectLayout.bestEvaluationKey(checkpoint.runId());
        String bucket = settings.evaluationsBucket();
        if (store.exists(bucket, key)) {
            CheckpointEvaluated stored = json.readValue(store.get(bucket, key), CheckpointEvaluated.class);
            // a best scored with the other flip setting is not comparable: the newer setting replaces it
            if (stored.testTimeFlips() == settings.testTimeFlips() && stored.top1() >= scores.top1()) {
                return false;
            }
        }
        CheckpointEvaluated best = completed(checkpoint, scores, true, 0, settings.testTimeFlips());
        store.put(bucket, key, json.writeValueAsBytes(best), "application/json");
        return true;
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
