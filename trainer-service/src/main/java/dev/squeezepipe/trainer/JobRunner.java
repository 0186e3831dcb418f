package dev.squeezepipe.trainer;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;
import dev.squeezepipe.data.Split;
import dev.squeezepipe.events.CheckpointPublished;
import dev.squeezepipe.events.TrainingJobSpec;
import dev.squeezepipe.events.TrainingJobSubmitted;
import dev.squeezepipe.model.IntraOpThreads;
import dev.squeezepipe.model.SqueezeNet;
import dev.squeezepipe.model.SqueezeNetConfig;
import dev.squeezepipe.preprocess.PreprocessSpec;
import dev.squeezepipe.preprocess.Preprocessor;
import dev.squeezepipe.schedule.LearningRateSchedule;
import dev.squeezepipe.schedule.ScheduleRefit;
import dev.squeezepipe.service.Cancellation;
import dev.squeezepipe.service.ShardCache;
import dev.squeezepipe.service.SplitData;
import dev.squeezepipe.storage.CheckpointSidecar;
import dev.squeezepipe.storage.ObjectLayout;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one training job: waits for its dataset, loads the training split, builds the network (or restores the
 * run's newest checkpoint), trains epoch by epoch and checkpoints every interval. The run id is the job id,
 * so a job picked up again by any trainer continues the same run.
 */
@Singleton
@Requires(env = "trainer")
public class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final ShardCatalog catalog;
    private final ShardCache cache;
    private final CheckpointStore checkpoints;
    private final TrainerEvents events;
    private final JobReporter reporter;
    private final TrainerMetrics metrics;
    private final TrainerSettings settings;

    public JobRunner(ShardCatalog catalog, ShardCache cache, CheckpointStore checkpoints, TrainerEvents events,
            JobReporter reporter, TrainerMetrics metrics, TrainerSettings settings) {
        this.catalog = catalog;
        this.cache = cache;
        this.checkpoints = checkpoints;
        this.events = events;
        this.reporter = reporter;
        this.metrics = metrics;
        this.settings = settings;
    }

    /** Trains {@code job} to the end; cancellation surfaces as {@link InterruptedException}. */
    public void run(TrainingJobSubmitted job, int attempt, Cancellation cancellation) throws Exception {
        long jobStart = System.nanoTime();
        TrainingJobSpec spec = job.spec();
        SqueezeNetConfig config = JobValidator.validate(spec);
        String runId = job.jobId();
        reporter.running(job.jobId(), attempt, 0, spec.epochs(), 0);
        List<dev.squeezepipe.events.DatasetShardAnnounced> shards =
                catalog.awaitSplit(spec.datasetId(), Split.TRAIN, settings.getDatasetWait(), cancellation);
        int limit = spec.trainLimit() == null ? 0 : spec.trainLimit();
        SplitData data = SplitData.load(shards, cache, limit, cancellation);
        int stepsPerEpoch = (data.size() + spec.batchSize() - 1) / spec.batchSize();
        LOG.info("{} (attempt {}): {} on {} images of {}, {}{} epochs of {} steps, batch {}, device {}", runId, attempt,
                config.variant().id(), data.size(), spec.datasetId(), spec.timeBudgetMinutes() == null ? "" : "up to ",
                spec.epochs(), stepsPerEpoch, spec.batchSize(), Engine.getInstance().getDevices(1)[0]);
        Engine.getInstance().setRandomSeed((int) spec.seed());
        IntraOpThreads.use(0); // the engine's default on this thread, whatever a predictor in the same JVM set last
        try (Model model = Model.newInstance("squeezenet")) {
            model.setBlock(SqueezeNet.build(config));
            CheckpointSidecar resume = newestCheckpoint(runId);
            List<ScheduleRefit> refits = EpochBudget.refits(spec, resume);
            TrainingJobSpec plan = EpochBudget.planned(spec, refits);
            RunSchedule schedule = new RunSchedule(new LearningRateSchedule(JobValidator.schedule(spec, stepsPerEpoch)),
                    stepsPerEpoch, refits);
            int firstEpoch = resume == null ? 1 : resume.epoch() + 1;
            long stepsDone = resume == null ? 0 : resume.step();
            MomentumSgd optimizer = MomentumSgd.builder()
                    .learningRate(LearningRateSchedule.resumedAfter(schedule, stepsDone))
                    .momentum((float) spec.momentum())
                    .optWeightDecays((float) spec.weightDecay())
                    .build();
            if (resume != null) {
                restore(model, optimizer, resume);
                republish(job, resume); // the event may not have gone out before the previous trainer stopped
            }
            ProgressListener progress = new ProgressListener(runId, metrics.run(runId), schedule, stepsPerEpoch,
                    settings.getLogEvery(), () -> { });
            DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(SmoothedCrossEntropyLoss.of(spec))
                    .optOptimizer(optimizer)
                    .optDevices(Engine.getInstance().getDevices())
                    .addTrainingListeners(progress);
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(SqueezeNet.inputShape(config, spec.batchSize()));
                ProgressiveResizing resizing = ProgressiveResizing.of(spec);
                EpochBudget budget = new EpochBudget(runId, spec, resume == null ? 0 : resume.seconds(), jobStart,
                        System.nanoTime(), firstEpoch);
                int previousSide = 0;
                for (int epoch = firstEpoch; epoch <= plan.epochs(); epoch++) {
                    int side = resizing.sideOf(epoch, schedule.refits());
                    if (resizing.resizes() && side != previousSide) {
                        LOG.info("{}: from epoch {} on, images are {}x{} (progressive resizing)", runId, epoch, side,
                                side);
                    }
                    previousSide = side;
                    progress.startEpoch(epoch, plan.epochs(), stepsDone);
                    Preprocessor preprocessor = new Preprocessor(PreprocessSpec.recipe(side, spec.augment()));
                    trainEpoch(trainer, data, preprocessor, spec, epoch, stepsPerEpoch, cancellation);
                    stepsDone = progress.step();
                    progress.endEpoch();
                    int fitted = budget.epochsAfter(epoch, side, plan.epochs(), System.nanoTime());
                    if (fitted != plan.epochs()) {
                        schedule.refit(epoch, fitted);
                        plan = plan.withEpochs(fitted);
                    }
                    reporter.running(job.jobId(), attempt, epoch, plan.epochs(), stepsDone);
                    if (epoch % spec.checkpointEvery() == 0 || epoch == plan.epochs()) {
                        checkpoint(model, optimizer, job, plan, schedule.refits(), epoch, stepsDone, progress,
                                budget.secondsUsed(System.nanoTime()));
                    }
                }
            }
            reporter.completed(job.jobId(), attempt, plan.epochs(), stepsDone);
        }
    }

    private void restore(Model model, MomentumSgd optimizer, CheckpointSidecar resume) throws Exception {
        checkpoints.loadInto(model, resume);
        byte[] state = checkpoints.optimizerState(resume);
        if (state != null) {
            optimizer.restoreState(model.getBlock(), state, model.getNDManager(), "checkpoint " + resume.checkpointId());
        }
        LOG.info("{} resumes from checkpoint {} (epoch {}, step {}, momentum {})", resume.runId(), resume.checkpointId(),
                resume.epoch(), resume.step(), state != null ? "restored" : "from zero");
    }

    private void trainEpoch(Trainer trainer, SplitData data, Preprocessor preprocessor, TrainingJobSpec spec,
            int epoch, int stepsPerEpoch, Cancellation cancellation) throws InterruptedException {
        int[] order = data.order(spec.seed(), epoch);
        Random augmentation = new Random(spec.seed() * 31 + epoch);
        for (int b = 0; b < stepsPerEpoch; b++) {
            cancellation.check();
            int from = b * spec.batchSize();
            int to = Math.min(data.size(), from + spec.batchSize());
            // a sub-manager per step: every array of the step is freed when it closes
            try (NDManager stepManager = trainer.getManager().newSubManager()) {
                NDList arrays = data.batch(stepManager, order, from, to, preprocessor, augmentation);
                Batch batch = new Batch(stepManager, new NDList(arrays.get(0)), new NDList(arrays.get(1)), to - from,
                        Batchifier.STACK, Batchifier.STACK, b, stepsPerEpoch);
                TrainingStepLock.run(() -> {
                    EasyTrain.trainBatch(trainer, batch);
                    trainer.step();
                });
            }
        }
    }

    private void checkpoint(Model model, MomentumSgd optimizer, TrainingJobSubmitted job, TrainingJobSpec plan,
            List<ScheduleRefit> refits, int epoch, long step, ProgressListener progress, double seconds)
            throws Exception {
        String runId = job.jobId();
        CheckpointSidecar draft = new CheckpointSidecar(runId + "/" + epoch, runId, job.jobId(), epoch, step, null,
                null, 0, plan, progress.meanLoss(), progress.accuracy(), seconds, Instant.now(), null, null, refits);
        CheckpointSidecar stored = checkpoints.save(model, optimizer.saveState(model.getBlock()), draft);
        events.checkpoint(runId, published(job, stored));
        checkpoints.prune(runId, job.spec().keepCheckpoints());
    }

    private void republish(TrainingJobSubmitted job, CheckpointSidecar sidecar) {
        events.checkpoint(sidecar.runId(), published(job, sidecar));
    }

    private CheckpointPublished published(TrainingJobSubmitted job, CheckpointSidecar s) {
        TrainingJobSpec spec = job.spec();
        return new CheckpointPublished(s.checkpointId(), s.runId(), job.jobId(), spec.datasetId(), s.epoch(), s.step(),
                checkpoints.bucket(), s.paramsKey(), ObjectLayout.checkpointSidecarKey(s.runId(), s.epoch(), s.step()), s.sha256(),
                spec.variant(), spec.classes(), spec.inputSize(), s.trainLoss(), s.trainAccuracy(), s.createdAt());
    }

    private CheckpointSidecar newestCheckpoint(String runId) throws java.io.IOException {
        List<CheckpointSidecar> all = checkpoints.list(runId);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }
}
