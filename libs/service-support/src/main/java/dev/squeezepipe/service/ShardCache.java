package dev.squeezepipe.service;

import dev.squeezepipe.errors.CorruptDataException;
import dev.squeezepipe.events.DatasetShardAnnounced;
import dev.squeezepipe.storage.Hashing;
import dev.squeezepipe.storage.Npz;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches shards from S3, verifies each against its announced sha256 and keeps verified copies on local disk.
 * A shard that does not match is fetched once more; if it still does not match, the job fails naming it.
 */
@Singleton
public class ShardCache {

    private static final Logger LOG = LoggerFactory.getLogger(ShardCache.class);

    private final ObjectStore store;
    private final Path dir;

    /** A blank {@code cacheDir} means {@code squeezepipe-shards} in the JVM's temporary folder. */
    public ShardCache(ObjectStore store, @Value("${shards.cache-dir:}") String cacheDir) {
        this.store = store;
        this.dir = cacheDir.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "squeezepipe-shards")
                : Path.of(cacheDir);
    }

    /** Where verified shards are kept. */
    public Path directory() {
        return dir;
    }

    /** The shard's arrays, from the cache or S3. */
    public Map<String, Npz.Array> load(DatasetShardAnnounced shard) throws IOException {
        Path cached = dir.resolve(shard.sha256() + ".npz");
        if (Files.exists(cached)) {
            byte[] bytes = Files.readAllBytes(cached);
            if (shard.sha256().equals(Hashing.sha256Hex(bytes))) {
                return Npz.read(bytes);
            }
            Files.delete(cached); // a damaged cache entry is fetched again
        }
        byte[] bytes = fetchVerified(shard);
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, shard.sha256(), ".part");
        Files.write(partial, bytes);
        Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return Npz.read(bytes);
    }

    private byte[] fetchVerified(DatasetShardAnnounced shard) throws IOException {
        String actual = "";
        for (int attempt = 1; attempt <= 2; attempt++) {
            byte[] bytes = store.get(shard.bucket(), shard.objectKey());
            actual = Hashing.sha256Hex(bytes);
            if (actual.equals(shard.sha256())) {
                return bytes;
            }
            LOG.warn("Shard {} failed verification (attempt {}): sha256 {} instead of {}", shard.objectKey(), attempt,
                    actual, shard.sha256());
        }
        throw new CorruptDataException("corrupt shard " + shard.bucket() + "/" + shard.objectKey() + ": sha256 "
                + actual + " does not match the announced " + shard.sha256() + " (fetched twice)");
    }
}
