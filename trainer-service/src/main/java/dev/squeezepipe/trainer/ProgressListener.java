package dev.squeezepipe.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import ai.djl.training.tracker.Tracker;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tutorial's loss and time monitors as a DJL training listener: running loss and accuracy of the epoch,
 * a progress line every N steps, per-run gauges, and a failure as soon as the loss stops being a number.
 */
final class ProgressListener extends TrainingListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressListener.class);

    private final String runId;
    private final TrainerMetrics.RunGauges gauges;
    private final Tracker schedule;
    private final int stepsPerEpoch;
    private final int logEvery;
    private final Runnable heartbeat;
    private int epoch;
    private int epochs;
    private long step;
    private double lossSum;
    private long correct;
    private long seen;
    private int batches;
    private long epochStart;

    ProgressListener(String runId, TrainerMetrics.RunGauges gauges, Tracker schedule, int stepsPerEpoch,
            int logEvery, Runnable heartbeat) {
        this.runId = runId;
        this.gauges = gauges;
        this.schedule = schedule;
        this.stepsPerEpoch = stepsPerEpoch;
        this.logEvery = logEvery;
        this.heartbeat = heartbeat;
    }

    /**
     * Starts epoch {@code epochNumber} of {@code epochCount}; {@code stepsDone} counts every step before it,
     * including a resumed run's.
     */
    void startEpoch(int epochNumber, int epochCount, long stepsDone) {
        epoch = epochNumber;
        epochs = epochCount;
        gauges.plan(epochCount);
        step = stepsDone;
        lossSum = 0;
        correct = 0;
        seen = 0;
        batches = 0;
        epochStart = System.nanoTime();
    }

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        NDArray labels = batchData.getLabels().values().iterator().next().singletonOrThrow();
        NDArray predictions = batchData.getPredictions().values().iterator().next().singletonOrThrow();
        float loss = trainer.getLoss().evaluate(batchData.getLabels().values().iterator().next(),
                batchData.getPredictions().values().iterator().next()).getFloat();
        if (!Float.isFinite(loss)) {
            throw new ArithmeticException("loss became " + loss + " at epoch " + epoch + ", step " + (step + 1)
                    + " (learning rate " + lr() + ")");
        }
        long batchCorrect = predictions.argMax(1).toType(labels.getDataType(), false).eq(labels).countNonzero()
                .getLong();
        step++;
        batches++;
        lossSum += loss;
        correct += batchCorrect;
        seen += labels.size();
        gauges.update(meanLoss(), accuracy(), imagesPerSecond(), lr(), epoch, step);
        if (batches % logEvery == 0) {
            LOG.info(String.format(Locale.ROOT,
                    "%s epoch %d/%d step %d/%d: loss %.4f, accuracy %.4f, lr %.5f, %.0f images/s", runId, epoch,
                    epochs, batches, stepsPerEpoch, meanLoss(), accuracy(), lr(), imagesPerSecond()));
            heartbeat.run();
        }
    }

    /** Logs the epoch's summary, like the tutorial's TimeMonitor. */
    void endEpoch() {
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        LOG.info(String.format(Locale.ROOT,
                "%s epoch %d/%d done: loss %.4f, accuracy %.4f, %.1f s (%.1f ms/step), %.0f images/s", runId, epoch,
                epochs, meanLoss(), accuracy(), seconds, 1000 * seconds / Math.max(1, batches), imagesPerSecond()));
    }

    long step() {
        return step;
    }

    double meanLoss() {
        return batches == 0 ? Double.NaN : lossSum / batches;
    }

    double accuracy() {
        return seen == 0 ? 0 : (double) correct / seen;
    }

    private double imagesPerSecond() {
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        return seconds <= 0 ? 0 : seen / seconds;
    }

    private double lr() {
        return schedule.getNewValue((int) Math.max(1, step));
    }
}
