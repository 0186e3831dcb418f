package dev.squeezepipe.bench.stack;

import io.micronaut.serde.ObjectMapper;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

/** The benches' own reads of what the services stored in S3, through one client. */
public final class S3Reader {

    private final MinioClient s3;
    private final ObjectMapper json = ObjectMapper.getDefault();

    S3Reader(MinioClient s3) {
        this.s3 = s3;
    }

    /** Every key in {@code bucket}, folders included. */
    public Set<String> keys(String bucket) throws Exception {
        Set<String> keys = new HashSet<>();
        for (Result<Item> item : s3.listObjects(ListObjectsArgs.builder().bucket(bucket).recursive(true).build())) {
            keys.add(item.get().objectName());
        }
        return keys;
    }

    /** The JSON object at {@code bucket/key}, read as {@code type}. */
    public <T> T read(String bucket, String key, Class<T> type) throws Exception {
        try (InputStream in = s3.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            return json.readValue(in.readAllBytes(), type);
        }
    }
}
