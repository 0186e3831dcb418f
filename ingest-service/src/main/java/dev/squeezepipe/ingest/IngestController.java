package dev.squeezepipe.ingest;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.util.Optional;

/** {@code POST /ingest} queues an ingest; {@code GET /ingest/{id}} tells where it stands. */
@Controller("/ingest")
@Requires(env = "ingest")
public class IngestController {

    private final IngestService service;

    public IngestController(IngestService service) {
        this.service = service;
    }

    @Post
    public HttpResponse<IngestStatus> start(@Body IngestRequest request) {
        return HttpResponse.accepted().body(service.submit(request));
    }

    @Get("/{ingestId}")
    public Optional<IngestStatus> status(String ingestId) {
        return service.status(ingestId);
    }
}
