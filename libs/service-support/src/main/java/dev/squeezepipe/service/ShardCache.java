package dev.squeezepipe.service;

import dev.squeezepipe.errors.CorruptDataException;
import dev.squeezepipe.events.DatasetShardAnnounced;
import dev.squeezepipe.storage.Hashing;
import dev.squeezepipe.storage.Npz;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches shards from S3, verifies each against its announced sha256 and keeps verified copies on local disk.
 * A shard that does not match is fetched once more; if it still does not match, the job fails naming it.
 */
@Singleton
public class ShardCache {

    private static final Logger LOG = LoggerFactory.getLogger(ShardCache.class);
    private static final String SUFFIX = ".npz";

    private final ObjectStore store;
    private final Path dir;
    private final long maxBytes;

    /**
     * A blank {@code cacheDir} means {@code squeezepipe-shards} in the JVM's temporary folder; the cache holds at most
     * {@code maxBytes} of shards, the least recently used going first.
     */
    public ShardCache(ObjectStore store, @Value("${shards.cache-dir}") String cacheDir,
            @Value("${shards.cache-max-bytes}") long maxBytes) {
        this.store = store;
        this.dir = cacheDir.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "squeezepipe-shards")
                : Path.of(cacheDir);
        this.maxBytes = maxBytes;
    }

    /** Where verified shards are kept. */
    public Path directory() {
        return dir;
    }

    /** The shard's arrays, from the cache or S3. */
    public Map<String, Npz.Array> load(DatasetShardAnnounced shard) throws IOException {
        if (!Hashing.isSha256Hex(shard.sha256())) {
            throw new CorruptDataException("shard " + shard.objectKey() + " is announced with a malformed sha256 '"
                    + shard.sha256() + "'");
        }
        Path cached = dir.resolve(shard.sha256() + SUFFIX);
        byte[] hit = readCached(cached, shard.sha256());
        if (hit != null) {
            return parse(shard, hit);
        }
        byte[] bytes = fetchVerified(shard);
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, shard.sha256(), ".part");
        Files.write(partial, bytes);
        Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        evictBeyondLimit(cached);
        return parse(shard, bytes);
    }

    /** The shard's arrays; bytes that match their hash but do not parse never will: corrupt, not transient. */
    private static Map<String, Npz.Array> parse(DatasetShardAnnounced shard, byte[] bytes) throws CorruptDataException {
        try {
            return Npz.read(bytes);
        } catch (IOException e) {
            throw new CorruptDataException("shard " + shard.objectKey() + " matches its sha256 but is not a uint8 "
                    + ".npz: " + e.getMessage());
        }
    }

    /** The cached bytes if present and intact (marked as just used), else null. */
    private static byte[] readCached(Path cached, String sha256) throws IOException {
        try {
            byte[] bytes = Files.readAllBytes(cached);
            if (sha256.equals(Hashing.sha256Hex(bytes))) {
                Files.setLastModifiedTime(cached, FileTime.from(Instant.now()));
                return bytes;
            }
            Files.deleteIfExists(cached); // a damaged cache entry is fetched again
        } catch (NoSuchFileException e) {
            // not cached, or evicted a moment ago by another cache on the same folder
        }
        return null;
    }

    /** Deletes the least recently used shards until the cache fits its limit; {@code keep} stays. */
    private void evictBeyondLimit(Path keep) throws IOException {
        List<Path> shards;
        try (Stream<Path> files = Files.list(dir)) {
            shards = files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList();
        }
        long total = 0;
        List<Entry> entries = new ArrayList<>();
        for (Path shard : shards) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(shard, BasicFileAttributes.class);
                entries.add(new Entry(shard, attributes.size(), attributes.lastModifiedTime()));
                total += attributes.size();
            } catch (NoSuchFileException e) {
                // evicted meanwhile by another cache on the same folder
            }
        }
        entries.sort(Comparator.comparing(Entry::lastUsed));
        for (Entry entry : entries) {
            if (total <= maxBytes) {
                return;
            }
            if (!entry.path().equals(keep) && Files.deleteIfExists(entry.path())) {
                total -= entry.size();
                LOG.info("Shard cache over {} bytes: evicted {}", maxBytes, entry.path().getFileName());
            }
        }
    }

    private record Entry(Path path, long size, FileTime lastUsed) {}

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
