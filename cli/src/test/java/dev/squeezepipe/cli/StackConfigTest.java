package dev.squeezepipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.squeezepipe.infra.ServiceProperties;
import io.micronaut.context.env.DefaultEnvironment;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where this is built, so the compose file and Dockerfiles are checked against the
 * services' own configuration: every service, port, environment variable, topic and jar path must agree.
 */
class StackConfigTest {

    private static final Path ROOT = Path.of("..");
    private static final String SERVICE_DOCKERFILE = "infra/docker/service.Dockerfile";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):?([^}]*)}");
    /** The environment contract every service reads, as the fault bench sets it for its service processes. */
    private static final Set<String> INFRASTRUCTURE = ServiceProperties.environment("kafka", "s3", "access", "secret")
            .keySet();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        Map<String, Object> service = (Map<String, Object>) services.get(name);
        assertNotNull(service, "docker-compose.yml has no service " + name);
        return service;
    }

    /** What a service reads: the shared {@code application-service.yml}, then its own. */
    private static String serviceConfig(String environment) throws IOException {
        return resource("/application-service.yml") + resource("/application-" + environment + ".yml");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = StackConfigTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name + " is not on the classpath");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String projectVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>squeezepipe</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertTrue(m.find(), "root pom version");
        return m.group(1);
    }

    @Test
    void serviceImageCopiesTheJarOfTheProjectVersionWithoutCredentials() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve(SERVICE_DOCKERFILE));
        assertTrue(dockerfile.contains("ARG VERSION=" + projectVersion() + "\n"), "the image's jar version");
        assertTrue(dockerfile.contains("COPY target/${SERVICE}-${VERSION}.jar "), "the image copies the service's jar");
        assertTrue(dockerfile.contains("COPY target/lib/ "), "the image copies the libraries");
        for (String secret : List.of("SECRET", "PASSWORD", "ACCESS_KEY")) {
            assertFalse(dockerfile.contains(secret), "the service image must not carry credentials");
        }
    }

    @ParameterizedTest(name = "{0}-service: compose, Dockerfile and configuration agree")
    @ValueSource(strings = {"ingest", "trainer", "evaluator", "predictor"})
    @SuppressWarnings("unchecked")
    void serviceAgreesWithItsConfiguration(String environment) throws IOException {
        String name = environment + "-service";
        Map<String, Object> service = service(name);
        Map<String, Object> build = (Map<String, Object>) service.get("build");
        assertEquals("./" + name, build.get("context"), name + " builds in its own folder");
        Path dockerfilePath = ROOT.resolve(name).resolve(String.valueOf(build.get("dockerfile"))).normalize();
        assertEquals(ROOT.resolve(SERVICE_DOCKERFILE).normalize(), dockerfilePath, name + " builds the shared image");
        Map<String, Object> args = (Map<String, Object>) build.get("args");
        assertEquals(name, args.get("SERVICE"), name + "'s image copies its own jar");
        String dockerfile = Files.readString(dockerfilePath);
        for (String arg : args.keySet()) { // Docker ignores a build arg the Dockerfile does not declare
            assertTrue(Pattern.compile("(?m)^ARG " + arg + "\\b").matcher(dockerfile).find(),
                    name + " passes " + arg + ", which the image declares");
        }
        // the .dockerignore also switches on the root pom's service-image profile, which fills target/lib
        List<String> context = Files.readAllLines(ROOT.resolve(name).resolve(".dockerignore"));
        assertTrue(context.containsAll(List.of("!target/lib", "!target/*.jar")), name + "'s image context: " + context);
        String pom = Files.readString(ROOT.resolve(name).resolve("pom.xml"));
        assertTrue(pom.contains("<artifactId>" + name + "</artifactId>"));
        String config = serviceConfig(environment);
        Map<String, String> env = (Map<String, String>) (Map<?, ?>) service.get("environment");
        Matcher port = Pattern.compile("port: \\$\\{([A-Z_]+):(\\d+)}").matcher(config);
        assertTrue(port.find(), "application-" + environment + ".yml names its port");
        assertEquals(port.group(2), String.valueOf(env.get(port.group(1))), name + " port variable");
        assertEquals(port.group(2), String.valueOf(args.get("PORT")), name + "'s image exposes its port");
        List<Object> exposed =
                (List<Object>) (service.containsKey("ports") ? service.get("ports") : service.get("expose"));
        assertTrue(exposed.stream().anyMatch(p -> String.valueOf(p).endsWith(port.group(2))),
                name + " exposes " + port.group(2) + ": " + exposed);

        Set<String> read = new HashSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(config);
        while (placeholder.find()) {
            read.add(placeholder.group(1));
        }
        for (String variable : INFRASTRUCTURE) {
            assertTrue(read.contains(variable), name + " reads " + variable);
            assertTrue(env.containsKey(variable), "compose sets " + variable + " for " + name);
        }
        for (String variable : env.keySet()) {
            assertTrue(read.contains(variable), "compose sets " + variable + " for " + name + ", which never reads it");
        }
    }

    @ParameterizedTest(name = "{0}-service: every setting resolves to a value with no placeholder left")
    @ValueSource(strings = {"ingest", "trainer", "evaluator", "predictor"})
    void everySettingResolvesWithoutPlaceholdersLeft(String environment) {
        // Micronaut does not nest placeholders in defaults: ${A:${b}} resolves to the text "${b}".
        Environment env = new DefaultEnvironment(() -> List.of("service", environment)).start();
        try {
            for (String file : List.of("application-service", "application-" + environment)) {
                PropertySource source = env.getPropertySources().stream()
                        .filter(s -> s.getName().equals(file)).findFirst().orElseThrow();
                for (String key : source) {
                    String value = env.getProperty(key, String.class).orElse("");
                    assertFalse(value.contains("${"), file + ".yml: " + key + " = " + value);
                }
            }
        } finally {
            env.stop();
        }
    }

    @Test
    void everyServiceJvmExitsWhenOutOfMemoryRatherThanLimpOn() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve(SERVICE_DOCKERFILE));
        assertTrue(dockerfile.contains("ENV JAVA_OPTS=\"-Xmx4g -XX:+ExitOnOutOfMemoryError"), "the image's JVM");
        String pipeline = Files.readString(ROOT.resolve("pipeline"));
        assertTrue(pipeline.contains("exec java -XX:+ExitOnOutOfMemoryError "), "./pipeline's JVM");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composePublishesPortsOnLoopbackUnlessToldAndServicesRunUnprivileged() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        services.forEach((name, definition) -> {
            List<String> ports = (List<String>) ((Map<String, Object>) definition).getOrDefault("ports", List.of());
            for (String port : ports) {
                assertTrue(port.startsWith("${BIND_ADDRESS:-127.0.0.1}:"), name + " publishes " + port);
            }
        });
        String dockerfile = Files.readString(ROOT.resolve(SERVICE_DOCKERFILE));
        assertTrue(dockerfile.contains("\nUSER 10001\n"), "the services' image runs as an unprivileged user");
    }

    @Test
    @SuppressWarnings("unchecked")
    void kafkaCreatesEveryCatalogueTopicWithAutoCreateOff() throws IOException {
        Map<String, Object> kafka = service("kafka");
        assertEquals("false", ((Map<String, Object>) kafka.get("environment")).get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"));
        List<String> init = String.valueOf(service("kafka-init").get("command")).replaceAll("^\\[|]$", "").lines()
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
        assertEquals(TopicsCommand.lines("kafka:9092"), init,
                "kafka-init runs what ./pipeline topics prints for the catalogue");
        String buckets = String.valueOf(service("minio-init").get("command"));
        for (String bucket : List.of("datasets", "checkpoints", "evaluations")) {
            assertTrue(buckets.contains("local/" + bucket), "minio-init creates " + bucket);
        }
    }

    @Test
    void prometheusScrapesEveryServiceWhereItListens() throws IOException {
        String prometheus = Files.readString(ROOT.resolve("infra/prometheus/prometheus.yml"));
        for (String target : List.of("ingest-service:8081", "evaluator-service:8083", "predictor-service:8084")) {
            assertTrue(prometheus.contains("\"" + target + "\""), "Prometheus scrapes " + target);
        }
        assertTrue(prometheus.contains("names: [\"trainer-service\"]") && prometheus.contains("port: 8082"),
                "every trainer replica is scraped");
        assertEquals(4, prometheus.split("metrics_path: /prometheus", -1).length - 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void grafanaIsProvisionedAndTrainersScaleWithAGpuProfile() throws IOException {
        Map<String, Object> grafana = service("grafana");
        List<String> volumes = (List<String>) grafana.get("volumes");
        assertTrue(volumes.contains("./infra/grafana/provisioning:/etc/grafana/provisioning:ro"));
        assertTrue(volumes.contains("./infra/grafana/dashboards:/var/lib/grafana/dashboards:ro"));
        assertTrue(Files.readString(ROOT.resolve("infra/grafana/provisioning/datasources/prometheus.yml"))
                .contains("url: http://prometheus:9090"));
        assertTrue(Files.readString(ROOT.resolve("infra/grafana/provisioning/dashboards/squeezepipe.yml"))
                .contains("path: /var/lib/grafana/dashboards"));
        assertFalse(service("trainer-service").containsKey("ports"), "a fixed host port would stop --scale");
        Map<String, Object> gpu = service("trainer-service-gpu");
        assertEquals(List.of("gpu"), gpu.get("profiles"));
        assertTrue(String.valueOf(gpu.get("deploy")).contains("capabilities=[gpu]"));
        assertTrue(Files.readString(ROOT.resolve("docker-compose.yml")).contains("MINIO_ROOT_PASSWORD:?"),
                "the MinIO password must come from the environment");
    }
}
