package dev.squeezepipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * What each service image carries in {@code target/lib} (the reactor packages every service before this module is
 * tested): the ingest runs no network, so it ships no DJL and no libtorch; each service that does ships exactly one
 * PyTorch native library, the one its build chose.
 */
class ServiceLibrariesTest {

    private static final Path ROOT = Path.of("..");

    private static List<String> libraries(String service) throws IOException {
        Path lib = ROOT.resolve(service).resolve("target/lib");
        assertTrue(Files.isDirectory(lib), lib + " is missing: run the reactor's package phase first");
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static boolean isDjl(String jar) {
        return jar.startsWith("api-0.") || jar.startsWith("pytorch-") || jar.startsWith("jna-");
    }

    @Test
    void theIngestImageHoldsNoDjlAndNoLibtorch() throws IOException {
        List<String> djl = libraries("ingest-service").stream().filter(ServiceLibrariesTest::isDjl).toList();
        assertEquals(List.of(), djl, "ingest-service/target/lib");
    }

    @ParameterizedTest
    @ValueSource(strings = {"trainer-service", "evaluator-service", "predictor-service"})
    void aNetworkRunningImageHoldsExactlyOneNativeLibrary(String service) throws IOException {
        List<String> natives = libraries(service).stream().filter(jar -> jar.startsWith("pytorch-native-")).toList();
        assertEquals(List.of(System.getProperty("squeezepipe.native.jar")), natives, service + "/target/lib");
    }
}
