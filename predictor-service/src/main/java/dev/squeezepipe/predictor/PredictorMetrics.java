package dev.squeezepipe.predictor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** Requests, failures, dead letters, batch size, queue time, inference time, end-to-end latency, model swaps. */
@Singleton
@Requires(env = "predictor")
public class PredictorMetrics {

    private final DistributionSummary batchSize;
    private final Timer queueTime;
    private final Timer inferenceTime;
    private final Counter swaps;
    private final Counter swapFailures;
    private final Counter redeliveries;
    private final AtomicLong version = new AtomicLong();
    // per source, looked up once: the Kafka path counts every request, thousands a second in a burst
    private final Map<RequestSource, Counter> requests;
    private final Map<RequestSource, Counter> failures;
    private final Map<RequestSource, Counter> deadLetters;
    private final Map<RequestSource, Timer> latencies;

    public PredictorMetrics(MeterRegistry registry) {
        this.batchSize = DistributionSummary.builder("predictor.batch.size").description("Requests per inference batch")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.queueTime = Timer.builder("predictor.queue.time").description("Wait for a batch to form")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.inferenceTime = Timer.builder("predictor.inference.time").description("Forward pass of one batch")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.swaps = Counter.builder("predictor.model.swaps").description("Models swapped in").register(registry);
        this.swapFailures = Counter.builder("predictor.model.swap.failures")
                .description("Checkpoints that failed to load or warm up").register(registry);
        this.redeliveries = Counter.builder("predictor.redeliveries")
                .description("Polls of requests rewound to be answered again, after a result could not be sent")
                .register(registry);
        Gauge.builder("predictor.model.version", version, AtomicLong::get).description("Version of the served model")
                .register(registry);
        this.requests = perSource(source -> registry.counter("predictor.requests", "source", source));
        this.failures = perSource(source -> registry.counter("predictor.failures", "source", source));
        this.deadLetters = perSource(source -> registry.counter("predictor.dead.letters", "source", source));
        this.latencies = perSource(source -> Timer.builder("predictor.latency").tag("source", source)
                .description("From request to result").publishPercentiles(0.5, 0.99).register(registry));
    }

    /** One meter per source, made by {@code meter} from the source's tag. */
    private static <M> Map<RequestSource, M> perSource(Function<String, M> meter) {
        Map<RequestSource, M> meters = new EnumMap<>(RequestSource.class);
        for (RequestSource source : RequestSource.values()) {
            meters.put(source, meter.apply(source.tag()));
        }
        return meters;
    }

    void request(RequestSource source) {
        requests.get(source).increment();
    }

    void failure(RequestSource source) {
        failures.get(source).increment();
    }

    void deadLetter(RequestSource source) {
        deadLetters.get(source).increment();
    }

    void latency(RequestSource source, double millis) {
        latencies.get(source).record((long) (millis * 1e6), TimeUnit.NANOSECONDS);
    }

    void batch(int size, long queueNanos, long inferenceNanos) {
        batchSize.record(size);
        queueTime.record(queueNanos, TimeUnit.NANOSECONDS);
        inferenceTime.record(inferenceNanos, TimeUnit.NANOSECONDS);
    }

    void swapped(long newVersion) {
        swaps.increment();
        version.set(newVersion);
    }

    void swapFailed() {
        swapFailures.increment();
    }

    void redelivery() {
        redeliveries.increment();
    }
}
