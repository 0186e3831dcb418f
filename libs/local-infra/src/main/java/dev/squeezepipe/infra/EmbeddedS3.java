package dev.squeezepipe.infra;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real S3 server on loopback: S3Proxy over jclouds' filesystem backend (objects are plain files under the
 * data directory), with AWS v2/v4 signature checks, so the MinIO SDK talks to it exactly as to MinIO.
 */
public final class EmbeddedS3 implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedS3.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final String endpoint;

    private EmbeddedS3(S3Proxy proxy, BlobStoreContext context, String endpoint) {
        this.proxy = proxy;
        this.context = context;
        this.endpoint = endpoint;
    }

    /** Serves {@code dataDir} on {@code port} (0: a free one), accepting only the given credentials. */
    public static EmbeddedS3 start(Path dataDir, int port, String accessKey, String secretKey) throws Exception {
        Files.createDirectories(dataDir);
        Properties overrides = new Properties();
        overrides.setProperty("jclouds.filesystem.basedir", dataDir.toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
                .overrides(overrides)
                .credentials("local", "local")
                .build(BlobStoreContext.class);
        String endpoint = "http://127.0.0.1:" + (port == 0 ? Ports.free() : port);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create(endpoint))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        proxy.start();
        awaitStarted(proxy);
        LOG.info("S3 server (S3Proxy, filesystem backend) listening on {} with data in {}", endpoint, dataDir);
        return new EmbeddedS3(proxy, context, endpoint);
    }

    public String endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }

    private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start within " + START_TIMEOUT + ": "
                        + proxy.getState());
            }
            Thread.onSpinWait();
            Thread.sleep(5); // Jetty reports STARTED from its own thread; poll until it does
        }
    }
}
