package dev.squeezepipe.predictor;

import dev.squeezepipe.errors.Failures;
import dev.squeezepipe.events.ImageClassified;
import dev.squeezepipe.preprocess.RequestImages;
import dev.squeezepipe.schema.SchemaVersion;
import dev.squeezepipe.storage.CheckpointSidecar;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code POST /predict} classifies an image body (PNG, JPEG, raw CIFAR bytes); {@code GET /} is a page to upload
 * one; {@code GET /model} tells which checkpoint is served; {@code GET /grid.png} is the tutorial's picture.
 * A body that does not decode is a 400; no model yet or a predictor shutting down a 503; a failed forward pass a
 * 500; each with the reason in {@code error}.
 */
@Controller
@Requires(env = "predictor")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PredictController {

    private final Classifier classifier;
    private final ModelSwapper swapper;
    private final GridService grid;
    private final PredictorMetrics metrics;
    private final PredictorSettings settings;

    public PredictController(Classifier classifier, ModelSwapper swapper, GridService grid, PredictorMetrics metrics,
            PredictorSettings settings) {
        this.classifier = classifier;
        this.swapper = swapper;
        this.grid = grid;
        this.metrics = metrics;
        this.settings = settings;
    }

    @Post(value = "/predict", consumes = {MediaType.ALL})
    public HttpResponse<?> predict(@Body byte[] image) {
        long start = System.nanoTime();
        metrics.request(RequestSource.HTTP);
        if (!classifier.ready()) {
            metrics.failure(RequestSource.HTTP);
            return unavailable("no model loaded yet");
        }
        try {
            Optional<CompletableFuture<Prediction>> queued = classifier.tryClassify(RequestImages.decode(image));
            if (queued.isEmpty()) {
                metrics.failure(RequestSource.HTTP);
                return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "1")
                        .body(Map.of("error", "the predictor's images in flight fill its room "
                                + "(predictor.max-in-flight-bytes); try again shortly"));
            }
            Prediction p = queued.get().join();
            double latency = (System.nanoTime() - start) / 1e6;
            metrics.latency(RequestSource.HTTP, latency);
            String id = "http-" + UUID.randomUUID();
            return HttpResponse.ok(new ImageClassified(SchemaVersion.CURRENT, id, p.top(), p.modelId(),
                    p.modelVersion(), latency));
        } catch (IOException e) {
            metrics.failure(RequestSource.HTTP);
            return HttpResponse.badRequest(Map.of("error", e.getMessage()));
        } catch (CompletionException e) {
            metrics.failure(RequestSource.HTTP);
            Throwable cause = Failures.unwrap(e);
            if (cause instanceof ShuttingDownException) {
                return unavailable(cause.getMessage()); // not the request's fault: the client may retry elsewhere
            }
            return HttpResponse.serverError(Map.of("error", "inference failed: " + Failures.reason(cause)));
        } catch (RuntimeException | StackOverflowError e) { // one request's failure is its answer, never the server's
            metrics.failure(RequestSource.HTTP);
            return HttpResponse.serverError(Map.of("error", "request failed: " + Failures.reason(e)));
        }
    }

    @Get(value = "/model", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> model() {
        CheckpointSidecar served = swapper.currentSidecar();
        if (served == null) {
            return unavailable("no model loaded yet");
        }
        return HttpResponse.ok(Map.of("checkpointId", served.checkpoint().id(),
                "variant", served.spec().network().variant(), "epoch", served.checkpoint().epoch(),
                "trainAccuracy", served.train().accuracy(), "inputSize", served.spec().network().inputSize(),
                "testTimeFlips", settings.testTimeFlips()));
    }

    private static HttpResponse<?> unavailable(String reason) {
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", reason));
    }

    @Get(value = "/grid.png", produces = "image/png")
    public HttpResponse<byte[]> gridPng() throws IOException, InterruptedException {
        return HttpResponse.ok(grid.png());
    }

    @Get(value = "/", produces = MediaType.TEXT_HTML)
    public String page() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/predictor/index.html")) {
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String model = swapper.currentId() == null ? "none loaded yet" : swapper.currentId();
            return html.replace("{{model}}", model.replace("<", "&lt;"));
        }
    }
}
