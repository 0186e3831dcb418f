package dev.squeezepipe.trainer;

import dev.squeezepipe.testing.Infrastructure;
import dev.squeezepipe.testing.Infrastructures;
import org.junit.jupiter.api.condition.EnabledIf;

/** The trainer suite on apache/kafka and minio/minio containers; skipped where no Docker engine runs. */
@EnabledIf(Infrastructures.DOCKER)
class TrainerContainersTest extends TrainerSuite {

    @Override
    Infrastructure infrastructure() {
        return Infrastructures.containers();
    }
}
