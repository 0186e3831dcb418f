package dev.squeezepipe.cli;

import dev.squeezepipe.infra.EmbeddedStack;
import dev.squeezepipe.ingest.IngestRequest;
import dev.squeezepipe.ingest.IngestService;
import dev.squeezepipe.ingest.IngestState;
import dev.squeezepipe.ingest.IngestStatus;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./pipeline ingest}: starts the embedded Kafka broker and S3 server (data kept under --state), runs
 * the ingest service on a dataset and prints where its shards went.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest a dataset into the embedded Kafka + S3 (shards, announcements, ready events).")
final class IngestCommand implements Callable<Integer> {

    @Mixin
    DataOption dataOption;

    @Option(names = "--format", defaultValue = "auto", description = "auto, python, binary or folder")
    String format;

    @Option(names = "--limit", defaultValue = "0", description = "images per split to keep (0: all)")
    int limit;

    @Option(names = "--shard-size", defaultValue = "1000", description = "images per shard")
    int shardSize;

    @Mixin
    StateOption stateOption;

    @Override
    public Integer call() throws Exception {
        try (EmbeddedStack stack = EmbeddedStack.start(stateOption.state);
                ApplicationContext ingest = stack.context("ingest", Map.of())) {
            IngestStatus status = ingest.getBean(IngestService.class)
                    .ingestNow(new IngestRequest(dataOption.data.toString(), format, limit, shardSize, null));
            System.out.printf("%s: %s, dataset %s, %d images in %d shards%s%n", status.path(), status.state(),
                    status.datasetId(), status.images(), status.shards(),
                    status.reason() == null ? "" : " (" + status.reason() + ")");
            System.out.printf("{\"state\":\"%s\",\"dataset\":\"%s\",\"images\":%d,\"shards\":%d}%n", status.state(),
                    status.datasetId(), status.images(), status.shards());
            return status.state() == IngestState.COMPLETED ? 0 : 1;
        }
    }
}
