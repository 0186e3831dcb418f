package dev.squeezepipe.ingest;

import dev.squeezepipe.data.DatasetFormatException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@code POST /ingest} queues an ingest (or refuses one that cannot start); {@code GET /ingest/{id}} tells where it
 * stands.
 */
@Controller("/ingest")
@Requires(env = "ingest")
public class IngestController {

    private final IngestService service;
    private final IngestSettings settings;

    public IngestController(IngestService service, IngestSettings settings) {
        this.service = service;
        this.settings = settings;
    }

    /**
     * Queues a well-formed request (202 with its status); refuses one that cannot start (400 with the reason; one
     * answer for every path it may not read) and one that finds the queue full (429).
     */
    @Post
    public HttpResponse<?> start(@Body IngestRequest request) {
        try {
            DataRoots.check(request.path(), settings.dataRoots());
            IngestOptions.of(request, settings); // refused here, at once; a file that turns out corrupt fails later
        } catch (IllegalArgumentException | DatasetFormatException e) {
            return HttpResponse.badRequest(Map.of("error", e.getMessage()));
        }
        try {
            return HttpResponse.accepted().body(service.submit(request));
        } catch (RejectedExecutionException full) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "60")
                    .body(Map.of("error", "the ingest queue is full (" + IngestService.MAX_QUEUED
                            + " waiting); try again later"));
        }
    }

    @Get("/{ingestId}")
    public Optional<IngestStatus> status(String ingestId) {
        return service.status(ingestId);
    }
}
