package dev.squeezepipe.predictor;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** Which checkpoint to serve and how requests are batched. */
@ConfigurationProperties("predictor")
public class PredictorSettings {

    private ServingPolicy policy = ServingPolicy.LATEST;
    private int maxBatch = 32;
    private Duration maxDelay = Duration.ofMillis(5);
    private int inferenceThreads = 2;
    private int intraOpThreads = 1;
    private int topK = 5;
    private String datasetsBucket = "datasets";
    private boolean testTimeFlips;

    /** Which checkpoint is served. */
    public ServingPolicy getPolicy() {
        return policy;
    }

    public void setPolicy(ServingPolicy policy) {
        this.policy = policy;
    }

    /** Most requests run through the network at once. */
    public int getMaxBatch() {
        return maxBatch;
    }

    public void setMaxBatch(int maxBatch) {
        this.maxBatch = maxBatch;
    }

    /** Longest a request waits for others to share its batch. */
    public Duration getMaxDelay() {
        return maxDelay;
    }

    public void setMaxDelay(Duration maxDelay) {
        this.maxDelay = maxDelay;
    }

    /** Batches run side by side; with {@link #getIntraOpThreads()} it decides how the cores are shared. */
    public int getInferenceThreads() {
        return inferenceThreads;
    }

    public void setInferenceThreads(int inferenceThreads) {
        this.inferenceThreads = inferenceThreads;
    }

    /** PyTorch threads inside one operator of one batch; 0 means the engine's default (one per core). */
    public int getIntraOpThreads() {
        return intraOpThreads;
    }

    public void setIntraOpThreads(int intraOpThreads) {
        this.intraOpThreads = intraOpThreads;
    }

    public int getTopK() {
        return topK;
    }

    public void setTopK(int topK) {
        this.topK = topK;
    }

    /** Whether each image also runs mirrored, the two softmaxes averaged: more accurate, twice the inference. */
    public boolean isTestTimeFlips() {
        return testTimeFlips;
    }

    public void setTestTimeFlips(boolean testTimeFlips) {
        this.testTimeFlips = testTimeFlips;
    }

    public String getDatasetsBucket() {
        return datasetsBucket;
    }

    public void setDatasetsBucket(String datasetsBucket) {
        this.datasetsBucket = datasetsBucket;
    }
}
