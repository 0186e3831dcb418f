package dev.squeezepipe.evaluator;

import dev.squeezepipe.testing.Infrastructure;
import dev.squeezepipe.testing.Infrastructures;
import org.junit.jupiter.api.condition.EnabledIf;

/** The evaluator suite on apache/kafka and minio/minio containers; skipped where no Docker engine runs. */
@EnabledIf(Infrastructures.DOCKER)
class EvaluatorContainersTest extends EvaluatorSuite {

    @Override
    Infrastructure infrastructure() {
        return Infrastructures.containers();
    }
}
