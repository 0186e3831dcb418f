package dev.squeezepipe.bench.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service running as its own OS process from its runnable jar, configured only by environment variables, as
 * its container image runs it; its output goes to a log file.
 */
public final class ServiceProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceProcess.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(PROBE_TIMEOUT).build();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code service} as {@code name} on {@code port} with {@code environment} added to this process's own.
     * The command is the image's: the same JVM options, and libtorch's NNPACK warnings dropped from its output.
     */
    public static ServiceProcess start(Service service, String name, int port, Path root,
            Map<String, String> environment, Path logDir) throws IOException {
        Path jar = service.jar(root);
        Path log = logDir.resolve(name + ".log");
        Files.createDirectories(logDir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "exec '" + java + "' -Xmx2g -XX:+ExitOnOutOfMemoryError -Dai.djl.offline=true -jar '" + jar
                + "' 2> >(grep --line-buffered -v 'Could not initialize NNPACK' >&2)";
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put(service.portVariable(), String.valueOf(port));
        Process process = builder.start();
        LOG.info("{} started as process {} on port {}, output in {}", name, process.pid(), port, log);
        return new ServiceProcess(name, process, port, log);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** True when its health endpoint answers 200 (UP). */
    public boolean healthy() {
        return healthStatus() == 200;
    }

    /** True when its HTTP server answers, UP or not (a predictor is DOWN until it has a model to serve). */
    public boolean answering() {
        return healthStatus() > 0;
    }

    /** The status of GET /health, or 0 when nothing answers. */
    private int healthStatus() {
        try {
            return get("/health").statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The response to GET {@code path} on the service's HTTP port. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(PROBE_TIMEOUT)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The response to {@code method} {@code path} with {@code body} of {@code contentType} (none when null). */
    public HttpResponse<String> send(String method, String path, byte[] body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sum of every sample of the Prometheus counter or gauge {@code metric} it exposes, 0 when it has none. */
    public double metric(String metric) throws IOException, InterruptedException {
        return metric(metric, "");
    }

    /** As {@link #metric(String)}, over the samples whose labels contain {@code label} (e.g. {@code area="heap"}). */
    public double metric(String metric, String label) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/prometheus");
        if (response.statusCode() != 200) {
            throw new IOException(name + " answered /prometheus with HTTP " + response.statusCode());
        }
        double sum = 0;
        for (String line : response.body().split("\n")) {
            if ((line.startsWith(metric + "{") || line.startsWith(metric + " ")) && line.contains(label)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Sends SIGKILL and waits until the process is gone; true if it is. */
    public boolean kill() throws InterruptedException {
        process.destroyForcibly();
        boolean gone = process.waitFor(30, TimeUnit.SECONDS);
        LOG.info("{} (process {}) SIGKILLed{}", name, pid(), gone ? "" : ", but still alive after 30 s");
        return gone;
    }

    /**
     * Sends SIGTERM and waits up to {@code patience} for the process to exit; returns the seconds it took, or
     * {@code NaN} when it had not exited by then (it is then SIGKILLed).
     */
    public double terminate(Duration patience) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            LOG.info("{} (process {}) exited {} s after SIGTERM with status {}", name, pid(),
                    String.format("%.1f", seconds), process.exitValue());
            return seconds;
        }
        LOG.warn("{} (process {}) still running {} after SIGTERM; killing it (output in {})", name, pid(), patience,
                log);
        kill();
        return Double.NaN;
    }

    /** The last lines of its output, for reports of what went wrong. */
    public List<String> tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return List.of("(output unreadable: " + e.getMessage() + ")");
        }
    }

    @Override
    public String toString() {
        return name + " (process " + pid() + ", port " + port + ")";
    }
}
