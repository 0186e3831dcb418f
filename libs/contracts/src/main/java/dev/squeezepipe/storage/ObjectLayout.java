package dev.squeezepipe.storage;

import java.util.regex.Pattern;

/**
 * Where everything lives in object storage. Buckets are configurable; keys are defined here only.
 *
 * <pre>
 * datasets:    {datasetId}/{split}/shard-{index:05d}-{sha256[0..16]}.npz   content-addressed shards
 *              {datasetId}/{split}/manifest.json                          written once the split is complete
 * checkpoints: {runId}/epoch-{epoch:04d}-step-{step:08d}.params           DJL parameters
 *              {runId}/epoch-{epoch:04d}-step-{step:08d}.json             sidecar
 *              {runId}/epoch-{epoch:04d}-step-{step:08d}.optimizer        momentum buffers (NDList) for resume
 * evaluations: {runId}/best.json                                          best evaluation so far
 *              {runId}/{checkpoint}.json                                  one per evaluated checkpoint
 * </pre>
 */
public final class ObjectLayout {

    /** Default bucket of dataset shards and manifests. */
    public static final String DATASETS_BUCKET = "datasets";
    /** Default bucket of checkpoints and sidecars. */
    public static final String CHECKPOINTS_BUCKET = "checkpoints";
    /** Default bucket of evaluation records. */
    public static final String EVALUATIONS_BUCKET = "evaluations";

    private static final Pattern CHECKPOINT_SIDECAR = Pattern.compile(".+/epoch-\\d{4,}-step-\\d{8,}\\.json");
    private static final Pattern EVALUATION = Pattern.compile(".+/epoch-\\d{4,}\\.json");

    /** Hex characters of the content hash kept in a shard's key. */
    private static final int HASH_IN_KEY = 16;

    private ObjectLayout() {}

    /** Prefix of everything of one dataset. */
    public static String datasetPrefix(String datasetId) {
        return datasetId + "/";
    }

    /** Key of a shard, derived from its content hash. */
    public static String shardKey(String datasetId, String split, int index, String sha256) {
        return String.format("%s%s/shard-%05d-%s.npz", datasetPrefix(datasetId), split, index,
                sha256.substring(0, HASH_IN_KEY));
    }

    /** Key of a split's manifest. */
    public static String manifestKey(String datasetId, String split) {
        return datasetPrefix(datasetId) + split + "/manifest.json";
    }

    /** Key stem (without extension) of a checkpoint. */
    public static String checkpointStem(String runId, int epoch, long step) {
        return String.format("%s/epoch-%04d-step-%08d", runId, epoch, step);
    }

    /** Key of a checkpoint's parameters. */
    public static String checkpointParamsKey(String runId, int epoch, long step) {
        return checkpointStem(runId, epoch, step) + ".params";
    }

    /** Key of a checkpoint's JSON sidecar. */
    public static String checkpointSidecarKey(String runId, int epoch, long step) {
        return checkpointStem(runId, epoch, step) + ".json";
    }

    /** Whether {@code key}, in the checkpoints bucket, is a checkpoint's sidecar. */
    public static boolean isCheckpointSidecarKey(String key) {
        return CHECKPOINT_SIDECAR.matcher(key).matches();
    }

    /** Key of a checkpoint's optimizer state, which a resumed run continues from. */
    public static String checkpointOptimizerKey(String runId, int epoch, long step) {
        return checkpointStem(runId, epoch, step) + ".optimizer";
    }

    /** Key of a run's lease: which attempt may write its checkpoints (see {@link RunLease}). */
    public static String runLeaseKey(String runId) {
        return runId + "/lease.json";
    }

    /** Key of a run's best evaluation. */
    public static String bestEvaluationKey(String runId) {
        return runId + "/best.json";
    }

    /** Key of one checkpoint's evaluation. */
    public static String evaluationKey(String runId, int epoch) {
        return String.format("%s/epoch-%04d.json", runId, epoch);
    }

    /** Whether {@code key}, in the evaluations bucket, is one checkpoint's evaluation (not a run's best). */
    public static boolean isEvaluationKey(String key) {
        return EVALUATION.matcher(key).matches();
    }
}
