package dev.squeezepipe.ingest;

import dev.squeezepipe.data.DatasetFormatException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.util.Map;
import java.util.Optional;

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

    /** Queues a well-formed request (202 with its status); refuses one that cannot start (400 with the reason). */
    @Post
    public HttpResponse<?> start(@Body IngestRequest request) {
        try {
            IngestOptions.of(request, settings); // refused here, at once; a file that turns out corrupt fails later
        } catch (IllegalArgumentException | DatasetFormatException e) {
            return HttpResponse.badRequest(Map.of("error", e.getMessage()));
        }
        return HttpResponse.accepted().body(service.submit(request));
    }

    @Get("/{ingestId}")
    public Optional<IngestStatus> status(String ingestId) {
        return service.status(ingestId);
    }
}
