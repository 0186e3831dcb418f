package dev.squeezepipe.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.squeezepipe.data.Split;
import dev.squeezepipe.events.DatasetShardAnnounced;
import dev.squeezepipe.schema.SchemaVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardCatalogTest {

    private static DatasetShardAnnounced shard(String datasetId, int index) {
        return new DatasetShardAnnounced(SchemaVersion.CURRENT, datasetId, "train", index, index * 10L, "datasets",
                datasetId + "/train/shard-" + index + ".npz", 10, List.of(10, 3, 32, 32), "uint8", "0".repeat(64),
                30_720, null, 20L);
    }

    @Test
    void keepsTheAnnouncementsOfTheSplitsUsedLastOnly() {
        ShardCatalog catalog = new ShardCatalog(null, null);
        catalog.announced(shard("ds-0", 0));
        for (int i = 1; i <= ShardCatalog.KEPT_SPLITS + 5; i++) {
            catalog.announced(shard("ds-" + i, 0));
            if (i % 10 == 0) {
                catalog.announced(shard("ds-0", i / 10)); // ds-0 keeps being announced: in use
            }
        }
        assertEquals(ShardCatalog.KEPT_SPLITS, catalog.splitsInMemory());
        assertEquals(7, catalog.inMemory("ds-0", Split.TRAIN).size(), "the split in use keeps all its shards");
        assertTrue(catalog.inMemory("ds-1", Split.TRAIN).isEmpty(), "the least recently used went");
    }
}
