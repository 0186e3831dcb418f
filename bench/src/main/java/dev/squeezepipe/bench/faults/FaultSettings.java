package dev.squeezepipe.bench.faults;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a fault bench run is sized.
 *
 * @param data the CIFAR-10 archive the ingest reads and requests are drawn from
 * @param ingestLimit images per split the ingest stores (0: all)
 * @param trainImages images of the training split each job trains on
 * @param outage how long the broker or S3 stays away in an outage scenario
 * @param startTimeout how long a service process may take to report UP
 * @param settleTimeout how long the services may take to finish what a scenario gave them once it ends
 */
record FaultSettings(Path data, int ingestLimit, int trainImages, Duration outage, Duration startTimeout,
        Duration settleTimeout) {

    /** The bench's: the whole dataset ingested, outages of 75 s (within the 60-90 s a service must ride out). */
    static FaultSettings bench(Path data) {
        return new FaultSettings(data, 0, 3200, Duration.ofSeconds(75), Duration.ofMinutes(2),
                Duration.ofMinutes(6));
    }

    /** The CI tests': a small dataset and a short outage, so the scenarios fit their few minutes. */
    static FaultSettings quick(Path data) {
        return new FaultSettings(data, 2000, 1280, Duration.ofSeconds(25), Duration.ofMinutes(2),
                Duration.ofMinutes(4));
    }
}
