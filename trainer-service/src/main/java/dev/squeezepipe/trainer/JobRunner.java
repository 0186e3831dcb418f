package dev.squeezepipe.trainer;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;
import dev.squeezepipe.events.TrainingJobSubmitted;
import dev.squeezepipe.model.IntraOpThreads;
import dev.squeezepipe.model.SqueezeNet;
import dev.squeezepipe.model.SqueezeNetConfig;
import dev.squeezepipe.modelstore.InvalidCheckpointException;
import dev.squeezepipe.modelstore.SplitData;
import dev.squeezepipe.preprocess.PreprocessSpec;
import dev.squeezepipe.preprocess.Preprocessor;
import dev.squeezepipe.schedule.LearningRateSchedule;
import dev.squeezepipe.service.Cancellation;
import dev.squeezepipe.service.ShardCache;
import dev.squeezepipe.spec.TrainingJobSpec;
import dev.squeezepipe.storage.CheckpointSidecar.Checkpoint;
import dev.squeezepipe.storage.CheckpointSidecar.TrainResult;
import dev.squeezepipe.storage.CheckpointSidecar;
import dev.squeezepipe.trainer.CheckpointStore.CheckpointDraft;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one training job: waits for its dataset, loads the training split (from its first shard on when the
 * ingest announced its size, see {@link ShardFeed}), builds the network (or restores the run's newest
 * checkpoint), trains epoch by epoch and checkpoints every interval. The run id is the job id,
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
    private final RunFence fence;

    public JobRunner(ShardCatalog catalog, ShardCache cache, CheckpointStore checkpoints, TrainerEvents events,
            JobReporter reporter, TrainerMetrics metrics, TrainerSettings settings, RunFence fence) {
        this.catalog = catalog;
        this.cache = cache;
        this.checkpoints = checkpoints;
        this.events = events;
        this.reporter = reporter;
        this.metrics = metrics;
        this.settings = settings;
        this.fence = fence;
    }

    /**
     * Trains {@code job} to the end; cancellation surfaces as {@link InterruptedException}, and a later attempt
     * taking the run as {@link StaleAttemptException}.
     */
    public void run(TrainingJobSubmitted job, int accepted, Cancellation cancellation) throws Exception {
        long attemptStart = System.nanoTime();
        TrainingJobSpec spec = job.spec();
        SqueezeNetConfig config = JobValidator.validate(spec);
        int attempt = fence.take(job.jobId(), accepted);
        reporter.running(job.jobId(), attempt, 0, spec.budget().epochs(), 0);
        int limit = spec.data().trainLimit() == null ? 0 : spec.data().trainLimit();
        ShardFeed feed = ShardFeed.open(catalog, cache, spec.datasetId(), limit, settings.datasetWait(),
                cancellation);
        Attempt run = new Attempt(job, attempt, attemptStart, feed, cancellation);
        LOG.info("{} (attempt {}): {} on {} images of {}, {}{} epochs of {} steps, batch {}, device {}", run.runId(),
                attempt, config.variant().id(), feed.size(), spec.datasetId(),
                spec.budget().minutes() == null ? "" : "up to ", spec.budget().epochs(), run.stepsPerEpoch(),
                spec.optimisation().batchSize(), Engine.getInstance().getDevices(1)[0]);
        Engine.getInstance().setRandomSeed((int) spec.seed());
        IntraOpThreads.use(0); // the engine's default on this thread, whatever a predictor in the same JVM set last
        try (Model model = Model.newInstance("squeezenet")) {
            model.setBlock(SqueezeNet.build(config));
            train(run, model, config);
        }
    }

    /** Trains the run on {@code model}, from scratch or from the run's newest checkpoint, and reports it completed. */
    private void train(Attempt run, Model model, SqueezeNetConfig config) throws Exception {
        TrainingJobSpec spec = run.spec();
        CheckpointSidecar resume = newestCheckpoint(run.runId());
        RunSchedule schedule = new RunSchedule(
                new LearningRateSchedule(JobValidator.schedule(spec, run.stepsPerEpoch())), run.stepsPerEpoch(),
                resume == null ? List.of() : resume.refits());
        long stepsDone = resume == null ? 0 : resume.checkpoint().step();
        MomentumSgd optimizer = MomentumSgd.builder()
                .learningRate(LearningRateSchedule.resumedAfter(schedule, stepsDone))
                .momentum((float) spec.optimisation().momentum())
                .optWeightDecays((float) spec.optimisation().weightDecay())
                .build();
        if (resume != null) {
            restore(model, optimizer, resume);
            republish(run.job(), resume); // the event may not have gone out before the previous trainer stopped
        }
        ProgressListener progress = new ProgressListener(run.runId(), metrics.run(run.runId()), schedule,
                run.stepsPerEpoch(), settings.logEvery(), () -> { });
        DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(SmoothedCrossEntropyLoss.of(spec))
                .optOptimizer(optimizer)
                .optDevices(Engine.getInstance().getDevices())
                .addTrainingListeners(progress);
        try (Trainer trainer = model.newTrainer(trainingConfig)) {
            trainer.initialize(SqueezeNet.inputShape(config, spec.optimisation().batchSize()));
            int firstEpoch = resume == null ? 1 : resume.checkpoint().epoch() + 1;
            EpochBudget budget = new EpochBudget(run.runId(), spec, resume == null ? 0 : resume.train().seconds(),
                    run.start(), System.nanoTime(), firstEpoch);
            Training training = new Training(model, trainer, optimizer, schedule, progress, budget);
            TrainingJobSpec plan = trainEpochs(run, training, firstEpoch, stepsDone);
            // a run resumed from its last checkpoint trains no epoch: its steps are the checkpoint's
            fence.check(run.runId(), run.attempt());
            reporter.completed(run.job().jobId(), run.attempt(), plan.budget().epochs(),
                    Math.max(stepsDone, progress.step()));
        }
    }

    /**
     * Trains from {@code firstEpoch} to the end of the run, which the budget may refit after each epoch, and
     * checkpoints every interval and after the last epoch; returns the run's spec with its final epoch count.
     */
    private TrainingJobSpec trainEpochs(Attempt run, Training training, int firstEpoch, long stepsDone)
            throws Exception {
        TrainingJobSpec spec = run.spec();
        TrainingJobSpec plan = EpochBudget.planned(spec, training.schedule().refits());
        ProgressiveResizing resizing = ProgressiveResizing.of(spec);
        int previousSide = 0;
        for (int epoch = firstEpoch; epoch <= plan.budget().epochs(); epoch++) {
            int side = resizing.sideOf(epoch, training.schedule().refits());
            if (resizing.resizes() && side != previousSide) {
                LOG.info("{}: from epoch {} on, images are {}x{} (progressive resizing)", run.runId(), epoch, side,
                        side);
            }
            previousSide = side;
            training.progress().startEpoch(epoch, plan.budget().epochs(), stepsDone);
            PreprocessSpec preprocessing = PreprocessSpec.recipe(side, spec.augmentation().cropAndFlip())
                    .withCutout(spec.augmentation().cutout());
            trainEpoch(run, training.trainer(), new Preprocessor(preprocessing), epoch);
            stepsDone = training.progress().step();
            training.progress().endEpoch();
            int fitted = training.budget().epochsAfter(epoch, side, plan.budget().epochs(), System.nanoTime());
            if (fitted != plan.budget().epochs()) {
                training.schedule().refit(epoch, fitted);
                plan = plan.withEpochs(fitted);
            }
            fence.check(run.runId(), run.attempt());
            reporter.running(run.job().jobId(), run.attempt(), epoch, plan.budget().epochs(), stepsDone);
            if (epoch % spec.checkpoints().every() == 0 || epoch == plan.budget().epochs()) {
                checkpoint(run, training, plan, epoch, stepsDone);
            }
        }
        return plan;
    }

    private void restore(Model model, MomentumSgd optimizer, CheckpointSidecar resume) throws Exception {
        checkpoints.loadInto(model, resume);
        byte[] state = checkpoints.optimizerState(resume);
        if (state != null) {
            optimizer.restoreState(model.getBlock(), state, model.getNDManager(),
                    "checkpoint " + resume.checkpoint().id());
        }
        Checkpoint from = resume.checkpoint();
        LOG.info("{} resumes from checkpoint {} (epoch {}, step {}, momentum {})", from.runId(), from.id(),
                from.epoch(), from.step(), state != null ? "restored" : "from zero");
    }

    private void trainEpoch(Attempt run, Trainer trainer, Preprocessor preprocessor, int epoch)
            throws IOException, InterruptedException {
        TrainingJobSpec spec = run.spec();
        SplitData data = run.feed().data();
        ShardFeed.Order order = run.feed().order(spec.seed(), epoch);
        Random augmentation = new Random(spec.seed() * 31 + epoch);
        for (int b = 0; b < run.stepsPerEpoch(); b++) {
            run.cancellation().check();
            int from = b * spec.optimisation().batchSize();
            int to = Math.min(data.size(), from + spec.optimisation().batchSize());
            // a sub-manager per step: every array of the step is freed when it closes
            try (NDManager stepManager = trainer.getManager().newSubManager()) {
                NDList arrays = data.batch(stepManager, order.upTo(to), from, to, preprocessor, augmentation);
                Batch batch = new Batch(stepManager, new NDList(arrays.get(0)), new NDList(arrays.get(1)), to - from,
                        Batchifier.STACK, Batchifier.STACK, b, run.stepsPerEpoch());
                TrainingStepLock.run(() -> {
                    EasyTrain.trainBatch(trainer, batch);
                    trainer.step();
                });
            }
        }
    }

    private void checkpoint(Attempt run, Training training, TrainingJobSpec plan, int epoch, long step)
            throws Exception {
        TrainingJobSubmitted job = run.job();
        String runId = run.runId();
        ProgressListener progress = training.progress();
        CheckpointDraft draft = new CheckpointDraft(
                new Checkpoint(runId + "/" + epoch, runId, job.jobId(), epoch, step, Instant.now()), plan,
                new TrainResult(progress.meanLoss(), progress.accuracy(),
                        training.budget().secondsUsed(System.nanoTime())),
                training.schedule().refits());
        Model model = training.model();
        fence.check(runId, run.attempt());
        CheckpointSidecar stored = checkpoints.save(model, training.optimizer().saveState(model.getBlock()), draft);
        events.checkpoint(runId, stored.announcement(checkpoints.bucket()));
        checkpoints.prune(runId, job.spec().checkpoints().keep());
    }

    private void republish(TrainingJobSubmitted job, CheckpointSidecar sidecar) {
        events.checkpoint(sidecar.checkpoint().runId(), sidecar.announcement(checkpoints.bucket()));
    }

    private CheckpointSidecar newestCheckpoint(String runId) throws IOException, InvalidCheckpointException {
        List<CheckpointSidecar> all = checkpoints.list(runId);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /** One attempt at a job: the job, its training split and when the attempt took it (System.nanoTime). */
    private record Attempt(TrainingJobSubmitted job, int attempt, long start, ShardFeed feed,
            Cancellation cancellation) {

        String runId() {
            return job.jobId(); // the run id is the job id, so every attempt continues the same run
        }

        TrainingJobSpec spec() {
            return job.spec();
        }

        int stepsPerEpoch() {
            return (feed.size() + spec().optimisation().batchSize() - 1) / spec().optimisation().batchSize();
        }
    }

    /** What trains the run in one attempt: the model and its trainer, optimizer, schedule, listener and budget. */
    private record Training(Model model, Trainer trainer, MomentumSgd optimizer, RunSchedule schedule,
            ProgressListener progress, EpochBudget budget) {}
}
