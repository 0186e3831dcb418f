package dev.squeezepipe.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same broker as {@link EmbeddedKafka}, run in a child JVM on this JVM's class path. The child stops when its
 * standard input closes: on {@link #close()}, and also when this JVM dies without closing it, since the pipe
 * closes with the process. Its output goes to a log file, named in every error.
 */
public final class KafkaChildProcess implements KafkaBroker {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaChildProcess.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    /**
     * A broker for one machine's traffic: a small heap, and only the quick C1 compiler. Measured in
     * {@code bench predict}: the same CPU per request once warm as with C2, and about 7 s less compiling beside the
     * services. Out of memory, it exits rather than limp on.
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx1g", "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError");

    private final Process process;
    private final int port;
    private final Path logFile;

    private KafkaChildProcess(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /**
     * Starts the broker with its data in {@code logDir} on {@code port} (0: a free one) and waits until it answers;
     * the child's output is appended to {@code logFile}.
     */
    public static KafkaChildProcess start(Path logDir, int port, Path logFile) throws IOException,
            InterruptedException {
        int brokerPort = port == 0 ? Ports.free() : port;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), KafkaChildProcess.class.getName(),
                logDir.toString(), String.valueOf(brokerPort)));
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        // appended: a restart on the same state directory keeps the earlier runs' output
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        KafkaChildProcess broker = new KafkaChildProcess(process, brokerPort, logFile);
        try {
            broker.awaitAnswer();
        } catch (IOException | RuntimeException | InterruptedException e) {
            broker.close();
            throw e;
        }
        LOG.info("Kafka broker (KRaft) in child process {} listening on {} with data in {}, output in {}",
                process.pid(), broker.bootstrapServers(), logDir, logFile);
        return broker;
    }

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * Kills the broker with SIGKILL, as a crash or an OOM kill would, and waits for the process to be gone. Its data
     * stays, so {@link #start} on the same directory and port brings the same broker back.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("Kafka child process " + process.pid() + " still alive " + STOP_TIMEOUT
                    + " after SIGKILL");
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // the child's signal to shut the broker down cleanly
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("Kafka child process {} did not stop within {}; killing it (output in {})", process.pid(),
                        STOP_TIMEOUT, logFile);
                process.destroyForcibly().waitFor();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitAnswer() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        // a plain connect until the listener is bound: the admin client would log a warning for every refusal
        while (!accepts()) {
            checkProgress(deadline);
            Thread.sleep(100);
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        // each probe gives up quickly; the loop below owns the overall deadline
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
        try (Admin admin = Admin.create(props)) {
            while (true) {
                checkProgress(deadline);
                try {
                    admin.describeCluster().clusterId().get(2, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException notYet) {
                    // the broker accepts connections before it serves requests
                }
            }
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private void checkProgress(long deadline) throws IOException {
        if (!process.isAlive()) {
            throw new IOException("Kafka child process exited with status " + process.exitValue()
                    + " before answering on " + bootstrapServers() + "; its output:\n" + tail());
        }
        if (System.nanoTime() > deadline) {
            throw new IOException("Kafka child process did not answer on " + bootstrapServers() + " within "
                    + START_TIMEOUT + "; its output:\n" + tail());
        }
    }

    /** The end of the child's output, for error messages. */
    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())) + "\n(all of it in "
                + logFile + ")";
    }

    /**
     * The child's entry point: {@code logDir port}. Starts the broker, then waits for standard input to close and
     * stops it.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: KafkaChildProcess LOG_DIR PORT");
            System.exit(2);
        }
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start(Path.of(args[0]), Integer.parseInt(args[1]));
        } catch (Exception | LinkageError e) {
            e.printStackTrace(); // to the log file the parent names in its error
            System.exit(1); // a half-started broker may have left non-daemon threads that would keep this JVM up
            return;
        }
        System.in.transferTo(OutputStream.nullOutputStream()); // returns once the parent closes the pipe or dies
        LOG.info("standard input closed: stopping the broker");
        kafka.close();
        System.exit(0); // the broker's shutdown may leave non-daemon threads behind
    }
}
