package dev.squeezepipe.infra;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded default for commands and benchmarks: a real Kafka broker in a child JVM (or in this one), a real S3
 * server in this JVM, and service contexts pointed at them.
 */
public final class EmbeddedStack implements AutoCloseable {

    private final LocalInfrastructure infrastructure;

    private EmbeddedStack(LocalInfrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    /**
     * Starts the broker and S3 server with their data under {@code dataDir}. The S3 keys are S3_ACCESS_KEY and
     * S3_SECRET_KEY when both are set (so services run alone, or any S3 client, can join), else random. The broker
     * runs in a child JVM unless SQUEEZEPIPE_BROKER is {@code in-process}.
     */
    public static EmbeddedStack start(Path dataDir) throws Exception {
        String access = System.getenv("S3_ACCESS_KEY");
        String secret = System.getenv("S3_SECRET_KEY");
        String broker = System.getenv("SQUEEZEPIPE_BROKER");
        BrokerPlacement placement = broker == null || broker.isBlank() ? BrokerPlacement.CHILD_PROCESS
                : BrokerPlacement.parse(broker);
        boolean given = access != null && !access.isBlank() && secret != null && !secret.isBlank();
        return new EmbeddedStack(given ? LocalInfrastructure.start(dataDir, placement, 0, 0, access, secret)
                : LocalInfrastructure.start(dataDir, placement));
    }

    public LocalInfrastructure infrastructure() {
        return infrastructure;
    }

    /** Properties pointing a service at the embedded broker and S3 server, plus {@code extra}. */
    public Map<String, Object> serviceProperties(Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(ServiceProperties.of(infrastructure.kafkaBootstrapServers(),
                infrastructure.s3Endpoint(), infrastructure.s3AccessKey(), infrastructure.s3SecretKey()));
        props.putAll(extra);
        return props;
    }

    /** A started service context (no HTTP server) in {@code environment}. */
    public ApplicationContext context(String environment, Map<String, Object> extra) {
        return ApplicationContext.builder().environments(environment).properties(serviceProperties(extra)).start();
    }

    /** A started service with its HTTP server, on the port its configuration names unless {@code extra} says. */
    public ApplicationContext service(String environment, Map<String, Object> extra) {
        return Micronaut.build(new String[0]).environments(environment).properties(serviceProperties(extra)).start();
    }

    @Override
    public void close() throws Exception {
        infrastructure.close();
    }
}
