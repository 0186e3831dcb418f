package dev.squeezepipe.ingest;

import dev.squeezepipe.testing.Infrastructure;
import dev.squeezepipe.testing.Infrastructures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The ingest suite on the in-process Kafka broker and S3Proxy. */
@MicronautTest(environments = "ingest")
class IngestEmbeddedTest extends IngestSuite {

    @Override
    Infrastructure infrastructure() {
        return Infrastructures.embedded();
    }
}
