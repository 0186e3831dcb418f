package dev.squeezepipe.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.squeezepipe.errors.CorruptDataException;
import dev.squeezepipe.events.DatasetShardAnnounced;
import dev.squeezepipe.infra.EmbeddedS3;
import dev.squeezepipe.schema.SchemaVersion;
import dev.squeezepipe.storage.Hashing;
import dev.squeezepipe.storage.Npz;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shard cache keeps verified shards on disk within its size limit, the least recently used going first. */
class ShardCacheTest {

    private static final int IMAGES = 4;

    @TempDir
    Path s3Data;

    @TempDir
    Path cacheDir;

    private EmbeddedS3 s3;
    private ApplicationContext context;
    private ObjectStore store;
    private final List<DatasetShardAnnounced> shards = new ArrayList<>();
    private long shardBytes;

    @BeforeEach
    void storeThreeShards() throws Exception {
        s3 = EmbeddedS3.start(s3Data, 0, "key", "secret");
        byte[] first = shard(0);
        shardBytes = first.length;
        context = ApplicationContext.run(Map.of("s3.endpoint", s3.endpoint(), "s3.access-key", "key",
                "s3.secret-key", "secret", "shards.cache-dir", cacheDir.toString(),
                "shards.cache-max-bytes", String.valueOf(2 * shardBytes + shardBytes / 2)));
        store = context.getBean(ObjectStore.class);
        store.ensureBucket("datasets");
        for (int i = 0; i < 3; i++) {
            byte[] npz = shard(i);
            String key = "ds/train/shard-" + i + ".npz";
            store.put("datasets", key, npz, "application/octet-stream");
            shards.add(new DatasetShardAnnounced(SchemaVersion.CURRENT, "ds", "train", i, (long) i * IMAGES,
                    "datasets", key, IMAGES, List.of(IMAGES, 3, 2, 2), "uint8", Hashing.sha256Hex(npz), npz.length,
                    null, null));
        }
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
        s3.close();
    }

    /** A shard of 4 tiny images, each shard's bytes its own. */
    private static byte[] shard(int index) throws IOException {
        byte[] images = new byte[IMAGES * 3 * 2 * 2];
        Arrays.fill(images, (byte) index);
        return Npz.write(Map.of("images", new Npz.Array(new int[] {IMAGES, 3, 2, 2}, images),
                "labels", new Npz.Array(new int[] {IMAGES}, new byte[] {0, 1, 2, (byte) index})));
    }

    private List<String> cached() throws IOException {
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".npz")).sorted().toList();
        }
    }

    private String file(int shard) {
        return shards.get(shard).sha256() + ".npz";
    }

    @Test
    void theLeastRecentlyUsedShardGoesWhenTheCacheOutgrowsItsLimit() throws IOException {
        ShardCache cache = context.getBean(ShardCache.class);
        cache.load(shards.get(0));
        cache.load(shards.get(1));
        cache.load(shards.get(0)); // a hit: shard 0 is now the most recently used
        assertEquals(List.of(file(0), file(1)).stream().sorted().toList(), cached());
        cache.load(shards.get(2));
        assertEquals(List.of(file(0), file(2)).stream().sorted().toList(), cached(), "shard 1 was used least lately");
        assertArrayEquals(new byte[] {0, 1, 2, 1}, cache.load(shards.get(1)).get("labels").data(),
                "an evicted shard is fetched again");
    }

    @Test
    void aShardAnnouncedWithAMalformedHashIsRefusedBeforeAnyPathIsMade() {
        DatasetShardAnnounced s = shards.get(0);
        DatasetShardAnnounced traversal = new DatasetShardAnnounced(SchemaVersion.CURRENT, s.datasetId(), s.split(),
                s.shardIndex(), s.firstImage(), s.bucket(), s.objectKey(), s.imageCount(), s.shape(), s.dtype(),
                "../../etc/passwd", s.sizeBytes(), null, null);
        CorruptDataException e = assertThrows(CorruptDataException.class,
                () -> context.getBean(ShardCache.class).load(traversal));
        assertTrue(e.getMessage().contains("malformed sha256 '../../etc/passwd'"), e.getMessage());
    }
}
