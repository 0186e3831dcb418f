package dev.squeezepipe.service;

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
import io.minio.messages.Item;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The object operations the services need, over the MinIO SDK; failures become {@link IOException}s naming the
 * object.
 */
@Singleton
public class ObjectStore {

    private final MinioClient minio;
    private final Set<String> knownBuckets = ConcurrentHashMap.newKeySet();

    public ObjectStore(MinioClient minio) {
        this.minio = minio;
    }

    /** Creates {@code bucket} unless it exists. */
    public void ensureBucket(String bucket) throws IOException {
        if (knownBuckets.contains(bucket)) {
            return;
        }
        try {
            if (!minio.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
            knownBuckets.add(bucket);
        } catch (ErrorResponseException e) {
            if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
                throw new IOException("cannot create bucket " + bucket + ": " + e.getMessage(), e);
            }
            knownBuckets.add(bucket);
        } catch (Exception e) {
            throw new IOException("cannot create bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code bucket/key} exists. */
    public boolean exists(String bucket, String key) throws IOException {
        try {
            minio.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code()) || "NoSuchObject".equals(e.errorResponse().code())) {
                return false;
            }
            throw new IOException("cannot stat " + bucket + "/" + key + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IOException("cannot stat " + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    /** Stores {@code bytes} at {@code bucket/key}. */
    public void put(String bucket, String key, byte[] bytes, String contentType) throws IOException {
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            minio.putObject(PutObjectArgs.builder().bucket(bucket).object(key).stream(in, bytes.length, -1)
                    .contentType(contentType).build());
        } catch (Exception e) {
            throw new IOException("cannot store " + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    /** The bytes of {@code bucket/key}. */
    public byte[] get(String bucket, String key) throws IOException {
        try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            return in.readAllBytes();
        } catch (Exception e) {
            throw new IOException("cannot fetch " + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    /** Keys of the objects under {@code prefix}, recursively; folder markers are skipped. */
    public List<String> list(String bucket, String prefix) throws IOException {
        List<String> keys = new ArrayList<>();
        try {
            for (Result<Item> result : minio.listObjects(
                    ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(true).build())) {
                Item item = result.get();
                // S3Proxy's filesystem backend lists folders as objects; they are not data
                if (!item.isDir() && !item.objectName().endsWith("/")) {
                    keys.add(item.objectName());
                }
            }
        } catch (Exception e) {
            throw new IOException("cannot list " + bucket + "/" + prefix + ": " + e.getMessage(), e);
        }
        return keys;
    }

    /** Deletes {@code bucket/key} (absent is fine). */
    public void delete(String bucket, String key) throws IOException {
        try {
            minio.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (Exception e) {
            throw new IOException("cannot delete " + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    /** Lists the buckets: a cheap round trip that proves the server answers and accepts the keys. */
    public int ping() throws IOException {
        try {
            return minio.listBuckets().size();
        } catch (Exception e) {
            throw new IOException("S3 unreachable: " + e.getMessage(), e);
        }
    }
}
