package dev.squeezepipe.cli;

import dev.squeezepipe.bench.TrainFlow;
import dev.squeezepipe.events.TrainingJobSubmitted;
import dev.squeezepipe.infra.EmbeddedStack;
import dev.squeezepipe.ingest.IngestRequest;
import dev.squeezepipe.ingest.IngestService;
import dev.squeezepipe.ingest.IngestState;
import dev.squeezepipe.ingest.IngestStatus;
import dev.squeezepipe.schema.SchemaVersion;
import dev.squeezepipe.spec.TrainingJobSpec;
import dev.squeezepipe.trainer.JobPresets;
import dev.squeezepipe.trainer.TrainerEvents;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./pipeline up}: the whole pipeline on this machine: the embedded Kafka broker and S3 server, the four
 * services on their ports, the dataset ingested and the cpu job submitted; it serves until Ctrl-C.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start Kafka, S3 and the four services; ingest, train the cpu preset, serve until Ctrl-C.")
final class UpCommand implements Callable<Integer> {

    private static final List<String> SERVICES = List.of("ingest", "trainer", "evaluator", "predictor");

    @Mixin
    DataOption dataOption;

    @Option(names = "--epochs", defaultValue = "0",
            description = "maximum epochs of the cpu preset, within its time budget (0: the preset's)")
    int epochs;

    @Option(names = "--no-train", description = "start and ingest, but submit no training job")
    boolean noTrain;

    @Mixin
    StateOption stateOption;

    @Override
    public Integer call() throws Exception {
        List<ApplicationContext> services = new ArrayList<>();
        try (EmbeddedStack stack = EmbeddedStack.start(stateOption.state)) {
            for (String service : SERVICES) {
                services.add(stack.service(service, Map.of("trainer.instance-id", "up")));
            }
            System.out.printf("Kafka %s, S3 %s%n", stack.infrastructure().kafkaBootstrapServers(),
                    stack.infrastructure().s3Endpoint());
            System.out.println(String.join("  ", addresses(services)) + " (open the predictor in a browser)");
            IngestStatus ingested = services.get(0).getBean(IngestService.class)
                    .ingestNow(IngestRequest.of(dataOption.data.toString()));
            if (ingested.state() != IngestState.COMPLETED) {
                System.err.println("ingest failed: " + ingested.reason());
                return 1;
            }
            if (!noTrain) {
                String jobId = "cpu-" + UUID.randomUUID();
                TrainingJobSpec spec =
                        TrainFlow.adjusted(JobPresets.named("cpu", ingested.datasetId()), epochs, 0, null);
                services.get(1).getBean(TrainerEvents.class).submit(jobId,
                        new TrainingJobSubmitted(SchemaVersion.CURRENT, jobId, spec, Instant.now()));
                System.out.println("submitted " + jobId + "; follow it at " + url(services.get(1)) + "jobs/" + jobId);
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
            return 0;
        } finally {
            for (int i = services.size() - 1; i >= 0; i--) {
                services.get(i).close();
            }
        }
    }

    /** Each service's name and the address its HTTP server really listens on (the ports come from configuration). */
    static List<String> addresses(List<ApplicationContext> services) {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            addresses.add(SERVICES.get(i) + " " + url(services.get(i)));
        }
        return addresses;
    }

    private static String url(ApplicationContext service) {
        String url = service.getBean(EmbeddedServer.class).getURL().toString();
        return url.endsWith("/") ? url : url + "/";
    }
}
