package dev.squeezepipe.predictor;

import dev.squeezepipe.testing.Infrastructure;
import dev.squeezepipe.testing.Infrastructures;
import org.junit.jupiter.api.condition.EnabledIf;

/** The predictor suite on apache/kafka and minio/minio containers; skipped where no Docker engine runs. */
@EnabledIf(Infrastructures.DOCKER)
class PredictorContainersTest extends PredictorSuite {

    @Override
    Infrastructure infrastructure() {
        return Infrastructures.containers();
    }
}
