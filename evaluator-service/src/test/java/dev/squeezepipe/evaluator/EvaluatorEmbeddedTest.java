package dev.squeezepipe.evaluator;

import dev.squeezepipe.testing.Infrastructure;
import dev.squeezepipe.testing.Infrastructures;

/** The evaluator suite on the in-process Kafka broker and S3Proxy. */
class EvaluatorEmbeddedTest extends EvaluatorSuite {

    @Override
    Infrastructure infrastructure() {
        return Infrastructures.embedded();
    }
}
