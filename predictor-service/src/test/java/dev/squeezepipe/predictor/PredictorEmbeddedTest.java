package dev.squeezepipe.predictor;

import dev.squeezepipe.testing.Infrastructure;
import dev.squeezepipe.testing.Infrastructures;

/** The predictor suite on the in-process Kafka broker and S3Proxy. */
class PredictorEmbeddedTest extends PredictorSuite {

    @Override
    Infrastructure infrastructure() {
        return Infrastructures.embedded();
    }
}
