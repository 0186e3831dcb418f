package dev.squeezepipe.bench;

import dev.squeezepipe.infra.EmbeddedStack;
import dev.squeezepipe.ingest.IngestRequest;
import dev.squeezepipe.ingest.IngestService;
import dev.squeezepipe.ingest.IngestState;
import dev.squeezepipe.ingest.IngestStatus;
import dev.squeezepipe.storage.Files2;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Ingests a whole dataset (the shared CIFAR-10 archive by default: 60,000 images) end to end through the
 * ingest service, into a fresh embedded Kafka broker and S3 server, and times it. Target: under 20 s.
 */
public final class IngestBenchmark {

    private IngestBenchmark() {}

    public static BenchResult run(Path data) throws Exception {
        Path dir = Files.createTempDirectory("bench-ingest-");
        try (EmbeddedStack stack = EmbeddedStack.start(dir);
                ApplicationContext ingest = stack.context("ingest", Map.of())) {
            IngestService service = ingest.getBean(IngestService.class);
            long start = System.nanoTime();
            IngestStatus status = service.ingestNow(IngestRequest.of(data.toString()));
            double seconds = (System.nanoTime() - start) / 1e9;
            if (status.state() != IngestState.COMPLETED) {
                throw new IllegalStateException("ingest failed: " + status.reason());
            }
            return new BenchResult()
                    .put("bench", "ingest")
                    .put("data", data.toString())
                    .put("images", status.images())
                    .put("shards", status.shards())
                    .put("seconds", seconds)
                    .put("images_per_s", status.images() / seconds)
                    .put("target_seconds", 20)
                    .put("cores", Runtime.getRuntime().availableProcessors());
        } finally {
            Files2.deleteTree(dir);
        }
    }
}
