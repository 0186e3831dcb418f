package dev.squeezepipe.trainer;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** How a trainer runs: where checkpoints go, where shards are cached, how long to wait for data. */
@ConfigurationProperties("trainer")
public class TrainerSettings {

    private String checkpointsBucket = "checkpoints";
    private Duration datasetWait = Duration.ofMinutes(10);
    private int logEvery = 50;
    private String instanceId = defaultInstanceId();
    private String bootstrapServers = "localhost:9092";

    public String getCheckpointsBucket() {
        return checkpointsBucket;
    }

    public void setCheckpointsBucket(String checkpointsBucket) {
        this.checkpointsBucket = checkpointsBucket;
    }

    /** How long a job waits for its dataset to become ready before failing. */
    public Duration getDatasetWait() {
        return datasetWait;
    }

    public void setDatasetWait(Duration datasetWait) {
        this.datasetWait = datasetWait;
    }

    /** Steps between progress lines in the log. */
    public int getLogEvery() {
        return logEvery;
    }

    public void setLogEvery(int logEvery) {
        this.logEvery = logEvery;
    }

    /** Name of this trainer in status events and its Kafka client id. */
    public String getInstanceId() {
        return instanceId;
    }

    /** A blank id means {@link #defaultInstanceId()}. */
    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId.isBlank() ? defaultInstanceId() : instanceId;
    }

    /** The host name (a container's id under Docker) and the process id: unique per replica, and says which one. */
    static String defaultInstanceId() {
        return System.getenv().getOrDefault("HOSTNAME", "trainer") + "-" + ProcessHandle.current().pid();
    }

    /** Kafka for the job consumer (the same broker as kafka.bootstrap.servers). */
    public String getBootstrapServers() {
        return bootstrapServers;
    }

    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }
}
