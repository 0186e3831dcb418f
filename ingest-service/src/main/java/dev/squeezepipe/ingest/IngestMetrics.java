package dev.squeezepipe.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;

/** The ingest service's Micrometer meters: images, bytes, shards, errors and ingest duration. */
@Singleton
@Requires(env = "ingest")
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Counter errors;
    private final Timer duration;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.errors = Counter.builder("ingest.errors").description("Ingests that failed").register(registry);
        this.duration = Timer.builder("ingest.duration").description("Time of completed ingests").register(registry);
    }

    void shardStored(String split, int images, long bytes, boolean alreadyStored) {
        String outcome = alreadyStored ? "reused" : "stored";
        registry.counter("ingest.images", "split", split, "outcome", outcome).increment(images);
        registry.counter("ingest.bytes", "split", split, "outcome", outcome).increment(bytes);
        registry.counter("ingest.shards", "split", split, "outcome", outcome).increment();
    }

    void failed() {
        errors.increment();
    }

    void completed(Duration took) {
        duration.record(took);
    }
}
