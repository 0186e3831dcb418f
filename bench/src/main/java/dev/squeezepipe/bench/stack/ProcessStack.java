package dev.squeezepipe.bench.stack;

import dev.squeezepipe.infra.EmbeddedS3;
import dev.squeezepipe.infra.KafkaChildProcess;
import dev.squeezepipe.infra.LocalInfrastructure;
import dev.squeezepipe.infra.Ports;
import dev.squeezepipe.infra.ServiceProperties;
import dev.squeezepipe.infra.TopicCreator;
import io.minio.MinioClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The infrastructure a fault bench breaks and mends: a Kafka broker in a child process and an S3 server in this one,
 * each on a fixed port with its data on disk, so either can be taken away and brought back as it was; and the
 * service processes started against them, each stopped when the stack closes.
 */
public final class ProcessStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessStack.class);

    private final Path dir;
    private final Path root;
    private final int kafkaPort = Ports.free();
    private final int s3Port = Ports.free();
    private final String accessKey = LocalInfrastructure.randomKey(10);
    private final String secretKey = LocalInfrastructure.randomKey(20);
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final S3Reader s3Reader;
    private KafkaChildProcess broker;
    private EmbeddedS3 s3;

    private ProcessStack(Path dir, Path root) {
        this.dir = dir;
        this.root = root;
        this.s3Reader = new S3Reader(MinioClient.builder().endpoint(s3Endpoint())
                .credentials(accessKey, secretKey).region("us-east-1").build());
    }

    /** Starts the broker (with the catalogue's topics) and the S3 server with their data under {@code dir}. */
    public static ProcessStack start(Path dir, Path root) throws Exception {
        ProcessStack stack = new ProcessStack(dir, root);
        try {
            stack.startBroker();
            TopicCreator.createAll(stack.bootstrapServers());
            stack.startS3();
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String s3Endpoint() {
        return "http://127.0.0.1:" + s3Port;
    }

    /** The bench's reader of what the services stored: one client, which outlives the server's restarts. */
    public S3Reader s3() {
        return s3Reader;
    }

    /** Starts the broker on its port with its data, as it was before it was killed. */
    public void startBroker() throws Exception {
        broker = KafkaChildProcess.start(dir.resolve("kafka"), kafkaPort, dir.resolve("logs/kafka-broker.log"));
    }

    /** Kills the broker with SIGKILL; returns the killed process id. */
    public long killBroker() throws InterruptedException {
        long pid = broker.pid();
        broker.kill();
        LOG.info("broker (process {}) SIGKILLed", pid);
        return pid;
    }

    public void startS3() throws Exception {
        s3 = EmbeddedS3.start(dir.resolve("s3"), s3Port, accessKey, secretKey);
    }

    /** Stops the S3 server: every request to its port is refused until {@link #startS3()}. */
    public void stopS3() throws Exception {
        s3.close();
        LOG.info("S3 server stopped");
    }

    /**
     * Starts {@code service} as its own process named {@code name} (its log file's name), pointed at this stack
     * through the environment, with {@code extra} variables added.
     */
    public ServiceProcess launch(Service service, String name, Map<String, String> extra) throws Exception {
        Map<String, String> environment = new HashMap<>(ServiceProperties.environment(bootstrapServers(),
                s3Endpoint(), accessKey, secretKey));
        environment.put("SHARDS_CACHE_DIR", dir.resolve("cache").resolve(name).toString());
        environment.putAll(extra);
        ServiceProcess process = ServiceProcess.start(service, name, Ports.free(), root, environment,
                dir.resolve("logs"));
        synchronized (processes) {
            processes.add(process);
        }
        return process;
    }

    @Override
    public void close() throws Exception {
        synchronized (processes) {
            for (ServiceProcess process : processes) {
                if (process.alive()) {
                    process.kill();
                }
            }
        }
        try {
            if (s3 != null) {
                s3.close();
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }
}
