package dev.squeezepipe.bench.hostile;

import dev.squeezepipe.bench.hostile.HostileCase.Observed;
import dev.squeezepipe.events.TrainingJobSubmitted;
import dev.squeezepipe.preprocess.HostileImages;
import dev.squeezepipe.schema.SchemaVersion;
import dev.squeezepipe.spec.TrainingJobSpec.Network;
import dev.squeezepipe.spec.TrainingJobSpec;
import dev.squeezepipe.topics.Topics;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * The hostile inputs, made on the fly, each with the refusal it must get. Every limit is tried just over it, and
 * the refusal is named (the status and the reason's words), so that a refusal for the wrong reason fails.
 */
final class HostileCorpus {

    private static final String OCTETS = "application/octet-stream";
    private static final String PIXELS = "exceeds the 36000000-pixel limit";
    private static final String INGEST_REFUSED = "path not found or not allowed";
    private static final Pattern INGEST_ID = Pattern.compile("\"ingestId\":\"([^\"]+)\"");
    private static final ObjectMapper JSON = ObjectMapper.getDefault();

    private HostileCorpus() {}

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        cases.addAll(predictor());
        cases.addAll(trainer());
        cases.addAll(ingest());
        return cases;
    }

    private static List<HostileCase> predictor() {
        byte[] png = HostileImages.pixelFloodPng(20_000, 20_000);
        byte[] jpeg = HostileImages.pixelFloodJpeg(65_000, 65_000);
        byte[] garbage = "this is not an image at all".getBytes(StandardCharsets.UTF_8);
        return List.of(
                predict("pixel-flood-png-http", png, 400, PIXELS),
                predict("pixel-flood-jpeg-http", jpeg, 400, PIXELS),
                predict("truncated-png-http", Arrays.copyOf(HostileImages.pixelFloodPng(64, 64), 30), 400, "PNG"),
                predict("garbage-http", garbage, 400, "not a PNG or JPEG"),
                predict("empty-http", new byte[0], 400, "Required Body [image] not specified"),
                predict("over-8-mb-http", new byte[9 << 20], 400, "exceeds the 8388608-byte limit"),
                predict("over-server-limit-http", new byte[20 << 20], 413,
                        "exceeds the maximum allowed content length [10485760]"),
                request("null-kafka", null, "empty message"),
                request("garbage-kafka", garbage, "not a PNG or JPEG"),
                request("pixel-flood-png-kafka", png, PIXELS),
                request("pixel-flood-jpeg-kafka", jpeg, PIXELS),
                request("over-8-mb-kafka", new byte[9 << 20], "exceeds the 8388608-byte limit"),
                request("at-topic-limit-kafka", new byte[Topics.MAX_MESSAGE_BYTES - (16 << 10)],
                        "bytes are not copied"));
    }

    private static List<HostileCase> trainer() {
        String spec = "{\"preset\":\"demo\",\"datasetId\":\"%s\",\"epochs\":%d}";
        return List.of(
                new HostileCase("bad-json-job", "trainer", run -> run.json("trainer", "POST", "/jobs",
                        "{\"preset\": ", 400, "Invalid JSON")),
                new HostileCase("traversal-job-id", "trainer", run -> run.json("trainer", "POST", "/jobs",
                        "{\"jobId\":\"../x\",\"preset\":\"demo\",\"datasetId\":\"ds\"}", 400, "is not 1-64 letters")),
                new HostileCase("nesting-job-id", "trainer", run -> run.json("trainer", "POST", "/jobs",
                        "{\"jobId\":\"a/x\",\"preset\":\"demo\",\"datasetId\":\"ds\"}", 400, "is not 1-64 letters")),
                new HostileCase("memory-bomb-job", "trainer", run -> run.json("trainer", "POST", "/jobs",
                        memoryBomb(), 400, "batchSize x network.inputSize^2 must be at most")),
                new HostileCase("endless-job", "trainer", run -> run.json("trainer", "POST", "/jobs",
                        String.format(spec, "ds", 1_000_000), 400, "budget.epochs must be 1-1000")),
                new HostileCase("missing-dataset-job", "trainer", run -> missingDataset(run, spec)),
                new HostileCase("nesting-job-id-kafka", "trainer", run -> run.deadLettered(Topics.TRAINING_JOBS,
                        "a/b", job("a/b"), "invalid job: job id 'a/b'")),
                new HostileCase("garbage-job-kafka", "trainer", run -> run.deadLettered(Topics.TRAINING_JOBS,
                        "garbage-" + UUID.randomUUID(), "{not json".getBytes(StandardCharsets.UTF_8),
                        "unreadable event")));
    }

    private static List<HostileCase> ingest() {
        return List.of(
                ingestPath("dev-zero", "/dev/zero"),
                ingestPath("filesystem-root", "/"),
                ingestPath("out-of-root", "/etc/passwd"),
                new HostileCase("traversal-ingest", "ingest", run -> ingestOf(run, "{\"path\":\"" + run.dataRoot()
                        + "/../../../etc/passwd\"}", 400, INGEST_REFUSED)),
                new HostileCase("huge-image-size-ingest", "ingest", run -> ingestOf(run, "{\"path\":\""
                        + run.dataRoot() + "\",\"imageSize\":600}", 400, "exceeds the limits")),
                new HostileCase("bad-json-ingest", "ingest", run -> ingestOf(run, "{\"path\": [", 400,
                        "Failed to convert argument [request]")),
                new HostileCase("bad-pickle-ingest", "ingest", HostileCorpus::badPickle));
    }

    private static HostileCase predict(String name, byte[] body, int status, String reason) {
        return new HostileCase(name, "predictor", run -> run.http("predictor", "POST", "/predict", body, OCTETS,
                status, reason));
    }

    private static HostileCase request(String name, byte[] value, String reason) {
        return new HostileCase(name, "predictor", run -> run.deadLettered(Topics.CLASSIFICATION_REQUESTS,
                name + "-" + UUID.randomUUID(), value, reason));
    }

    private static HostileCase ingestPath(String name, String path) {
        return new HostileCase(name, "ingest", run -> ingestOf(run, "{\"path\":\"" + path + "\"}", 400,
                INGEST_REFUSED));
    }

    private static Observed ingestOf(HostileRun run, String json, int status, String reason) throws Exception {
        return run.json("ingest", "POST", "/ingest", json, status, reason);
    }

    /** A job asking for batch 4096 at 512 px: about 13 GB of input floats a step. */
    private static String memoryBomb() throws IOException {
        TrainingJobSpec spec = TrainingJobSpec.plain("ds", Network.cifar10("cifar", 512), 1, 4096);
        return new String(JSON.writeValueAsBytes(Map.of("spec", spec)), StandardCharsets.UTF_8);
    }

    /** A job whose dataset was never ingested: accepted, then FAILED once the trainer's dataset wait is over. */
    private static Observed missingDataset(HostileRun run, String spec) throws Exception {
        String jobId = "never-" + UUID.randomUUID();
        String body = "{\"jobId\":\"" + jobId + "\"," + String.format(spec, "ds-never-ingested", 1).substring(1);
        Observed accepted = run.json("trainer", "POST", "/jobs", body, 202, jobId);
        return accepted.asExpected() ? run.jobFailed(jobId, "has no ready train split after waiting") : accepted;
    }

    private static byte[] job(String jobId) throws IOException {
        return JSON.writeValueAsBytes(new TrainingJobSubmitted(SchemaVersion.CURRENT, jobId,
                TrainingJobSpec.plain("ds", Network.cifar10("cifar", 32), 1, 64), Instant.now()));
    }

    /** A CIFAR-10 archive under the data roots whose first batch is a pickle declaring a negative length. */
    private static Observed badPickle(HostileRun run) throws Exception {
        Path archive = run.dataRoot().resolve("bad-pickle-" + UUID.randomUUID() + ".tar.gz");
        byte[] pickle = {(byte) 0x80, 2, 'T', -1, -1, -1, -1, 'x', '.'};
        try (OutputStream file = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            TarArchiveEntry entry = new TarArchiveEntry("cifar-10-batches-py/data_batch_1");
            entry.setSize(pickle.length);
            tar.putArchiveEntry(entry);
            tar.write(pickle);
            tar.closeArchiveEntry();
        }
        Observed accepted = ingestOf(run, "{\"path\":\"" + archive + "\"}", 202, "QUEUED");
        Matcher id = INGEST_ID.matcher(accepted.what());
        return accepted.asExpected() && id.find() ? run.ingestFailed(id.group(1), "declares -1 bytes") : accepted;
    }
}
