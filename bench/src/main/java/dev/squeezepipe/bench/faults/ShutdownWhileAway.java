package dev.squeezepipe.bench.faults;

import dev.squeezepipe.bench.stack.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Every service sent SIGTERM, with a job running and requests in flight, while the broker (or S3) is away: each
 * exits within the 30 s grace period compose and Kubernetes give. Then the dependency comes back, the services are
 * started again, and what they held when stopped is finished by them (counted at the end of the bench).
 */
final class ShutdownWhileAway implements FaultScenario {

    /** What is away when the services are stopped. */
    enum Away { BROKER, S3 }

    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final int EPOCHS = 3;
    private static final int REQUESTS = 1000;

    private final Away away;

    ShutdownWhileAway(Away away) {
        this.away = away;
    }

    @Override
    public String name() {
        return "sigterm-while-" + (away == Away.BROKER ? "broker" : "s3") + "-away";
    }

    @Override
    public Outcome run(FaultRun run) throws Exception {
        String jobId = run.jobPastFirstCheckpoint(EPOCHS);
        run.traffic().burst(REQUESTS);
        List<ServiceProcess> services = run.running();
        if (away == Away.BROKER) {
            run.stack().killBroker();
        } else {
            run.stack().stopS3();
        }
        Map<String, Double> exits;
        try {
            exits = terminateAll(services);
        } finally {
            if (away == Away.BROKER) {
                run.stack().startBroker();
            } else {
                run.stack().startS3();
            }
        }
        run.restartServices();
        List<String> slow = exits.entrySet().stream().filter(e -> e.getValue().isNaN()
                || e.getValue() > GRACE.toSeconds()).map(Map.Entry::getKey).toList();
        String detail = away.name() + " away; seconds from SIGTERM to exit: " + exits;
        return slow.isEmpty() && !exits.isEmpty() ? Outcome.passed(detail)
                : Outcome.failed(detail + "; not out within " + GRACE.toSeconds() + " s: " + slow);
    }

    /** SIGTERMs every process at once; the seconds each took to exit (NaN: still running after twice the grace). */
    private static Map<String, Double> terminateAll(List<ServiceProcess> services) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(services.size());
        try {
            List<Future<Double>> exits = new ArrayList<>();
            for (ServiceProcess service : services) {
                exits.add(pool.submit(() -> service.terminate(GRACE.multipliedBy(2))));
            }
            Map<String, Double> seconds = new LinkedHashMap<>();
            for (int i = 0; i < services.size(); i++) {
                double exit = exits.get(i).get();
                seconds.put(services.get(i).name(), Double.isNaN(exit) ? exit : Math.round(exit * 10) / 10.0);
            }
            return seconds;
        } finally {
            pool.shutdownNow();
        }
    }
}
