package dev.squeezepipe.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The services the fault bench runs, each as its own process from the runnable jar its module builds. */
public enum Service {
    INGEST("ingest-service", "INGEST_PORT"),
    TRAINER("trainer-service", "TRAINER_PORT"),
    EVALUATOR("evaluator-service", "EVALUATOR_PORT"),
    PREDICTOR("predictor-service", "PREDICTOR_PORT");

    private final String module;
    private final String portVariable;

    Service(String module, String portVariable) {
        this.module = module;
        this.portVariable = portVariable;
    }

    public String module() {
        return module;
    }

    /** The environment variable that sets the service's HTTP port. */
    public String portVariable() {
        return portVariable;
    }

    /** The module's runnable jar under {@code root}, its libraries beside it in {@code lib/}. */
    public Path jar(Path root) throws IOException {
        Path target = root.resolve(module).resolve("target");
        List<Path> jars;
        try (Stream<Path> files = Files.list(target)) {
            jars = files.filter(p -> p.getFileName().toString().matches(module + "-[^-]+(-SNAPSHOT)?\\.jar"))
                    .toList();
        } catch (IOException e) {
            throw new IOException("no build of " + module + " in " + target + ": run ./mvnw -B package -DskipTests",
                    e);
        }
        if (jars.size() != 1 || !Files.isDirectory(target.resolve("lib"))) {
            throw new IOException("expected one runnable jar and lib/ in " + target + ", found " + jars
                    + ": run ./mvnw -B package -DskipTests");
        }
        return jars.get(0);
    }
}
