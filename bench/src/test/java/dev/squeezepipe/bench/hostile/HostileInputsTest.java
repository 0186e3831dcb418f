package dev.squeezepipe.bench.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.squeezepipe.bench.BenchResult;
import dev.squeezepipe.testing.CifarFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input bench's whole corpus against the ingest, a trainer and a predictor run as their own processes
 * from the jars this build packaged: each input gets its own refusal, no service crashes, and a normal request is
 * answered after every one.
 */
class HostileInputsTest {

    @Test
    void everyHostileInputGetsItsOwnRefusalAndNoServiceGoesDown() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        BenchResult result = HostileBenchmark.run(root, CifarFixtures.sharedArchive());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) result.get("results");
        List<String> unexpected = results.stream().filter(r -> !Boolean.TRUE.equals(r.get("refused_as_expected")))
                .map(r -> r.get("name") + ": " + r.get("observed")).toList();
        assertEquals(List.of(), unexpected, "inputs not refused as they must be");
        assertEquals(0L, result.get("crashes"), result.toJson());
        assertEquals(0L, result.get("lost"), "normal requests unanswered after an input: " + result.toJson());
        assertEquals(HostileCorpus.all().size(), results.size());
    }
}
