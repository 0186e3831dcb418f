package dev.squeezepipe.evaluator;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Where evaluation records go and how the test split is scored. */
@ConfigurationProperties("evaluator")
public class EvaluatorSettings {

    private String evaluationsBucket = "evaluations";
    private String datasetsBucket = "datasets";
    private int batchSize = 250;
    private boolean testTimeFlips;

    public String getEvaluationsBucket() {
        return evaluationsBucket;
    }

    public void setEvaluationsBucket(String evaluationsBucket) {
        this.evaluationsBucket = evaluationsBucket;
    }

    /** Bucket of the datasets' manifests (where the test split is found). */
    public String getDatasetsBucket() {
        return datasetsBucket;
    }

    public void setDatasetsBucket(String datasetsBucket) {
        this.datasetsBucket = datasetsBucket;
    }

    /** Images per inference batch. */
    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    /** Whether each test image is also scored mirrored, the two softmaxes averaged (twice the inference). */
    public boolean isTestTimeFlips() {
        return testTimeFlips;
    }

    public void setTestTimeFlips(boolean testTimeFlips) {
        this.testTimeFlips = testTimeFlips;
    }
}
