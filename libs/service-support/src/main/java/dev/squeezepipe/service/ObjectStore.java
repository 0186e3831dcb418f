package dev.squeezepipe.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.InsufficientDataException;
import io.minio.errors.ServerException;
import io.minio.messages.Item;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The object operations the services need, over the MinIO SDK; failures become {@link IOException}s naming the
 * object. A failure that trying again can mend (the server unreachable or answering 5xx, a connection cut) is retried
 * with {@link Backoff} for as long as the S3 settings allow, each retry counted in {@code s3_retries_total}; one that
 * it cannot (no such key, access denied) fails at once.
 */
@Singleton
public class ObjectStore {

    /** S3 error codes that say the server, not the request, is at fault. */
    private static final Set<String> TRANSIENT_CODES = Set.of("InternalError", "ServiceUnavailable", "SlowDown",
            "RequestTimeout", "RequestTimeTooSkewed");

    private final MinioClient minio;
    private final Backoff backoff;
    private final MeterRegistry registry;
    private final Set<String> knownBuckets = ConcurrentHashMap.newKeySet();

    public ObjectStore(MinioClient minio, S3Settings settings, MeterRegistry registry) {
        this.minio = minio;
        this.backoff = settings.backoff();
        this.registry = registry;
    }

    /** Creates {@code bucket} unless it exists. */
    public void ensureBucket(String bucket) throws IOException {
        if (knownBuckets.contains(bucket)) {
            return;
        }
        retried("ensure-bucket", "cannot create bucket " + bucket, () -> {
            try {
                if (!minio.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                    minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                }
            } catch (ErrorResponseException e) {
                if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
                    throw e;
                }
            }
            return null;
        });
        knownBuckets.add(bucket);
    }

    /** Whether {@code bucket/key} exists. */
    public boolean exists(String bucket, String key) throws IOException {
        return retried("stat", "cannot stat " + bucket + "/" + key, () -> {
            try {
                minio.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
                return true;
            } catch (ErrorResponseException e) {
                if ("NoSuchKey".equals(e.errorResponse().code()) || "NoSuchObject".equals(e.errorResponse().code())) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** Stores {@code bytes} at {@code bucket/key}. */
    public void put(String bucket, String key, byte[] bytes, String contentType) throws IOException {
        retried("put", "cannot store " + bucket + "/" + key, () -> {
            try (InputStream in = new ByteArrayInputStream(bytes)) {
                minio.putObject(PutObjectArgs.builder().bucket(bucket).object(key).stream(in, bytes.length, -1)
                        .contentType(contentType).build());
            }
            return null;
        });
    }

    /** The bytes of {@code bucket/key}. */
    public byte[] get(String bucket, String key) throws IOException {
        return retried("get", "cannot fetch " + bucket + "/" + key, () -> {
            try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
                return in.readAllBytes();
            }
        });
    }

    /** Keys of the objects under {@code prefix}, recursively; folder markers are skipped. */
    public List<String> list(String bucket, String prefix) throws IOException {
        return list(bucket, prefix, true);
    }

    /**
     * The keys directly under the folder {@code prefix} (ending in {@code /}), not those in folders below it: a run's
     * objects without those of a run whose id merely starts with the same letters and a slash.
     */
    public List<String> listFolder(String bucket, String prefix) throws IOException {
        return list(bucket, prefix, false);
    }

    private List<String> list(String bucket, String prefix, boolean recursive) throws IOException {
        return retried("list", "cannot list " + bucket + "/" + prefix, () -> {
            List<String> keys = new ArrayList<>();
            for (Result<Item> result : minio.listObjects(
                    ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(recursive).build())) {
                Item item = result.get();
                // S3Proxy's filesystem backend lists folders as objects; they are not data
                if (!item.isDir() && !item.objectName().endsWith("/")) {
                    keys.add(item.objectName());
                }
            }
            return keys;
        });
    }

    /** Deletes {@code bucket/key} (absent is fine). */
    public void delete(String bucket, String key) throws IOException {
        retried("delete", "cannot delete " + bucket + "/" + key, () -> {
            minio.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            return null;
        });
    }

    /**
     * Lists the buckets once, without retrying: a cheap round trip that proves the server answers and accepts the
     * keys, for the health check.
     */
    public int ping() throws IOException {
        try {
            return minio.listBuckets().size();
        } catch (Exception e) {
            throw new IOException("S3 unreachable: " + e.getMessage(), e);
        }
    }

    /** Whether trying {@code e}'s operation again can succeed. */
    static boolean isTransient(Exception e) {
        if (e instanceof ErrorResponseException response) {
            return TRANSIENT_CODES.contains(response.errorResponse().code()) || response.response() != null
                    && response.response().code() >= 500;
        }
        return e instanceof IOException || e instanceof ServerException || e instanceof InsufficientDataException;
    }

    private <T> T retried(String operation, String what, Backoff.Attempt<T> attempt) throws IOException {
        try {
            return backoff.call(what, ObjectStore::isTransient,
                    (tries, failure, wait) -> registry.counter("s3.retries", "operation", operation).increment(),
                    attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(what + ": interrupted");
        } catch (Exception e) {
            throw new IOException(what + ": " + e.getMessage(), e);
        }
    }
}
