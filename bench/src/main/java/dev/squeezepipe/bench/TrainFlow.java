package dev.squeezepipe.bench;

import dev.squeezepipe.data.Split;
import dev.squeezepipe.events.JobState;
import dev.squeezepipe.events.TrainingJobStatusChanged;
import dev.squeezepipe.events.TrainingJobSubmitted;
import dev.squeezepipe.infra.EmbeddedStack;
import dev.squeezepipe.ingest.IngestRequest;
import dev.squeezepipe.ingest.IngestService;
import dev.squeezepipe.ingest.IngestState;
import dev.squeezepipe.ingest.IngestStatus;
import dev.squeezepipe.model.ModelVariant;
import dev.squeezepipe.model.TestScorer;
import dev.squeezepipe.model.TestScores;
import dev.squeezepipe.modelstore.CheckpointLoader;
import dev.squeezepipe.modelstore.LoadedCheckpoint;
import dev.squeezepipe.modelstore.SplitData;
import dev.squeezepipe.preprocess.PreprocessSpec;
import dev.squeezepipe.preprocess.Preprocessor;
import dev.squeezepipe.schema.SchemaVersion;
import dev.squeezepipe.service.Cancellation;
import dev.squeezepipe.service.ShardCache;
import dev.squeezepipe.spec.TrainingJobSpec.LowResolution;
import dev.squeezepipe.spec.TrainingJobSpec;
import dev.squeezepipe.storage.CheckpointSidecar;
import dev.squeezepipe.trainer.CheckpointStore;
import dev.squeezepipe.trainer.JobPresets;
import dev.squeezepipe.trainer.JobStatusView;
import dev.squeezepipe.trainer.ShardCatalog;
import dev.squeezepipe.trainer.SmoothedCrossEntropyLoss;
import dev.squeezepipe.trainer.TrainerEvents;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The tutorial's flow through the services on the embedded stack: ingest a dataset, submit a training job to
 * the trainer over Kafka, follow it to the end, then score its last checkpoint on the test split.
 */
public final class TrainFlow {

    private static final Duration FOLLOW = Duration.ofSeconds(1);

    private TrainFlow() {}

    /** What a run produced. */
    public record Outcome(String datasetId, String jobId, CheckpointSidecar checkpoint, TestScores scores,
            double trainMinutes) {}

    /** Ingests {@code data} (at most {@code limit} images per split, 0: all) and returns its dataset id. */
    public static String ingest(EmbeddedStack stack, Path data, int limit) {
        try (ApplicationContext ingest = stack.context("ingest", Map.of())) {
            IngestStatus status = ingest.getBean(IngestService.class)
                    .ingestNow(new IngestRequest(data.toString(), null, limit, null, null));
            if (status.state() != IngestState.COMPLETED) {
                throw new IllegalStateException("ingest failed: " + status.reason());
            }
            return status.datasetId();
        }
    }

    /** Trains the spec {@code specFor(datasetId)} through a trainer service and scores the result. */
    public static Outcome train(EmbeddedStack stack, String datasetId, Function<String, TrainingJobSpec> specFor)
            throws Exception {
        try (ApplicationContext trainer = trainer(stack)) {
            return train(trainer, specFor.apply(datasetId));
        }
    }

    /** A trainer service on {@code stack}. */
    public static ApplicationContext trainer(EmbeddedStack stack) {
        return stack.context("trainer", Map.of("trainer.instance-id", "pipeline"));
    }

    /**
     * Submits {@code spec} through the running trainer service {@code trainer}, follows the job to its end and
     * scores its last checkpoint. Another trainer in the same consumer group may take the job.
     */
    public static Outcome train(ApplicationContext trainer, TrainingJobSpec spec) throws Exception {
        String jobId = "job-" + UUID.randomUUID();
        long start = System.nanoTime();
        trainer.getBean(TrainerEvents.class)
                .submit(jobId, new TrainingJobSubmitted(SchemaVersion.CURRENT, jobId, spec, Instant.now()));
        TrainingJobStatusChanged done = follow(trainer.getBean(JobStatusView.class), jobId);
        double minutes = (System.nanoTime() - start) / 60e9;
        if (done.state() != JobState.COMPLETED) {
            throw new IllegalStateException("training job " + jobId + " failed: " + done.reason());
        }
        List<CheckpointSidecar> checkpoints = trainer.getBean(CheckpointStore.class).list(jobId);
        CheckpointSidecar last = checkpoints.get(checkpoints.size() - 1);
        return new Outcome(spec.datasetId(), jobId, last, score(trainer, last, spec), minutes);
    }

    private static TrainingJobStatusChanged follow(JobStatusView view, String jobId) throws InterruptedException {
        while (true) {
            TrainingJobStatusChanged status = view.latest(jobId).orElse(null);
            if (status != null && status.state().isFinal()) {
                return status;
            }
            Thread.sleep(FOLLOW.toMillis()); // progress is in the trainer's log meanwhile
        }
    }

    /** Top-1/top-5 of {@code checkpoint} on its dataset's whole test split. */
    public static TestScores score(ApplicationContext trainer, CheckpointSidecar checkpoint, TrainingJobSpec spec)
            throws Exception {
        return score(trainer, checkpoint, spec, false);
    }

    /** As {@link #score(ApplicationContext, CheckpointSidecar, TrainingJobSpec)}, with test-time flips if asked. */
    public static TestScores score(ApplicationContext trainer, CheckpointSidecar checkpoint, TrainingJobSpec spec,
            boolean flips) throws Exception {
        SplitData test = SplitData.load(trainer.getBean(ShardCatalog.class).awaitSplit(spec.datasetId(),
                Split.TEST, Duration.ofMinutes(1), new Cancellation()), trainer.getBean(ShardCache.class), 0,
                new Cancellation());
        try (LoadedCheckpoint loaded = trainer.getBean(CheckpointLoader.class)
                .load(trainer.getBean(CheckpointStore.class).bucket(), checkpoint)) {
            return TestScorer.score(loaded.model().getBlock(), test.asImageBatch("test"),
                    new Preprocessor(PreprocessSpec.recipe(spec.network().inputSize(), false)), 250,
                    spec.network().classes(), flips);
        }
    }

    /**
     * {@link JobPresets#overridden} with the command line's convention: 0 epochs or minutes, or a {@code null} seed,
     * keeps the preset's value.
     */
    public static TrainingJobSpec adjusted(TrainingJobSpec preset, int epochs, double minutes, Long seed) {
        return JobPresets.overridden(preset, epochs > 0 ? epochs : null, minutes > 0 ? minutes : null, seed, null);
    }

    /** Short name of a spec's network, for reports. */
    public static String describe(TrainingJobSpec spec) {
        String budget = spec.budget().minutes() == null ? "" : " (fit in " + spec.budget().minutes() + " min)";
        LowResolution low = spec.data().lowResolution();
        double cutout = spec.augmentation().cutout();
        return ModelVariant.parse(spec.network().variant()).id() + " " + spec.network().inputSize() + "px, "
                + spec.budget().epochs() + " epochs" + budget + ", batch " + spec.optimisation().batchSize() + ", lr "
                + spec.schedule().mode().name().toLowerCase(Locale.ROOT) + " " + spec.schedule().lrMax()
                + (SmoothedCrossEntropyLoss.smooths(spec)
                        ? ", label smoothing " + spec.optimisation().labelSmoothing() : "")
                + (low == null ? "" : ", first " + low.share() + " of the epochs at " + low.size() + "px")
                + (cutout == 0 ? "" : ", cutout " + cutout + " of the side");
    }
}
