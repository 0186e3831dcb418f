package dev.squeezepipe.ingest;

import dev.squeezepipe.testing.Infrastructure;
import dev.squeezepipe.testing.Infrastructures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.condition.EnabledIf;

/** The ingest suite on apache/kafka and minio/minio containers; skipped where no Docker engine runs. */
@EnabledIf(Infrastructures.DOCKER)
@MicronautTest(environments = "ingest")
class IngestContainersTest extends IngestSuite {

    @Override
    Infrastructure infrastructure() {
        return Infrastructures.containers();
    }
}
