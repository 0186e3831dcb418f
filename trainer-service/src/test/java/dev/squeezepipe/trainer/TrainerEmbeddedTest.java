package dev.squeezepipe.trainer;

import dev.squeezepipe.testing.Infrastructure;
import dev.squeezepipe.testing.Infrastructures;

/** The trainer suite on the in-process Kafka broker and S3Proxy. */
class TrainerEmbeddedTest extends TrainerSuite {

    @Override
    Infrastructure infrastructure() {
        return Infrastructures.embedded();
    }
}
