package dev.squeezepipe.trainer;

import dev.squeezepipe.data.Split;
import dev.squeezepipe.events.DatasetShardAnnounced;
import dev.squeezepipe.modelstore.SplitData;
import dev.squeezepipe.service.Cancellation;
import dev.squeezepipe.service.ShardCache;
import dev.squeezepipe.trainer.ShardCatalog.SplitSoFar;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training split of one attempt, loaded as its shards arrive. When the ingest announces the split's size
 * with its shards, training starts on the first shard: the first epoch draws each image at random from those
 * loaded and not yet visited, waiting for the next shard when none is left. Later epochs (and an attempt that
 * resumes past the first) wait for the whole split and visit it in the seeded order of {@link SplitData#order}.
 * The first epoch's order then depends on when shards arrived; every other epoch's does not.
 */
final class ShardFeed {

    private static final Logger LOG = LoggerFactory.getLogger(ShardFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);

    /** The order in which an epoch visits the split's images. */
    interface Order {

        /** The order, its first {@code n} entries filled in (waiting for shards if need be). */
        int[] upTo(int n) throws IOException, InterruptedException;
    }

    private final ShardCatalog catalog;
    private final ShardCache cache;
    private final String datasetId;
    private final Duration wait;
    private final Cancellation cancellation;
    private final SplitData data;
    private final long announcedImages;
    private final Set<Integer> loadedShards = new HashSet<>();
    private final int[] unvisited; // the first epoch's draw pool: loaded, not yet visited (empty if complete at start)
    private int unvisitedCount;
    private int loadedImages;
    private long lastArrival = System.nanoTime();

    private ShardFeed(ShardCatalog catalog, ShardCache cache, String datasetId, Duration wait,
            Cancellation cancellation, SplitData data, long announcedImages, int loadedImages) {
        this.catalog = catalog;
        this.cache = cache;
        this.datasetId = datasetId;
        this.wait = wait;
        this.cancellation = cancellation;
        this.data = data;
        this.announcedImages = announcedImages;
        this.loadedImages = loadedImages;
        this.unvisited = new int[complete() ? 0 : data.size()];
    }

    /**
     * Waits up to {@code wait} for the dataset's training split to be complete or sized by its first shard, and
     * loads what has arrived; {@code limit} caps the images trained on (0: all).
     */
    static ShardFeed open(ShardCatalog catalog, ShardCache cache, String datasetId, int limit, Duration wait,
            Cancellation cancellation) throws IOException, InterruptedException {
        SplitSoFar start = catalog.awaitStart(datasetId, Split.TRAIN, wait, cancellation);
        if (start.complete()) {
            SplitData whole = SplitData.load(start.shards(), cache, limit, cancellation);
            return new ShardFeed(catalog, cache, datasetId, wait, cancellation, whole, start.images(), whole.size());
        }
        long announced = start.shards().get(0).splitImages();
        int count = (int) (limit > 0 ? Math.min(limit, announced) : announced);
        ShardFeed feed = new ShardFeed(catalog, cache, datasetId, wait, cancellation,
                SplitData.allocate(count, SplitData.sideOf(start.shards())), announced, 0);
        feed.load(start);
        LOG.info("Dataset {}: training starts on {} of its {} train images; the rest load as their shards arrive",
                datasetId, feed.loadedImages, count);
        return feed;
    }

    /** The images trained on, every one of them loaded once {@link #complete()}. */
    SplitData data() {
        return data;
    }

    int size() {
        return data.size();
    }

    boolean complete() {
        return loadedImages == data.size();
    }

    /** Epoch {@code epoch}'s order (1-based): as images arrive while the first epoch runs ahead of the ingest. */
    Order order(long seed, int epoch) throws IOException, InterruptedException {
        if (epoch == 1 && !complete()) {
            return arrivalOrder(new Random(seed * 1_000_003L + 1));
        }
        while (!complete()) {
            awaitShards();
        }
        int[] order = data.order(seed, epoch);
        return n -> order;
    }

    private Order arrivalOrder(Random random) {
        int[] order = new int[data.size()];
        int[] filled = {0};
        return n -> {
            while (filled[0] < n) {
                if (unvisitedCount == 0) {
                    awaitShards();
                }
                int pick = random.nextInt(unvisitedCount);
                order[filled[0]++] = unvisited[pick];
                unvisited[pick] = unvisited[--unvisitedCount];
            }
            return order;
        };
    }

    /** Loads every shard announced since the last call, waiting (up to the wait after the last one) for one. */
    private void awaitShards() throws IOException, InterruptedException {
        while (true) {
            SplitSoFar now = catalog.now(datasetId, Split.TRAIN);
            if (now.complete() && now.images() != announcedImages) {
                throw new DatasetUnavailableException("dataset " + datasetId + ": its train split was announced "
                        + "with " + announcedImages + " images but is complete with " + now.images());
            }
            if (load(now) > 0) {
                return;
            }
            if (System.nanoTime() - lastArrival > wait.toNanos()) {
                throw new DatasetUnavailableException("dataset " + datasetId + ": its train split was announced "
                        + "with " + announcedImages + " images, but only " + loadedImages + " of the " + data.size()
                        + " to train on arrived and no shard came for " + wait.toSeconds()
                        + " s (did its ingest stop?)");
            }
            cancellation.check();
            Thread.sleep(POLL.toMillis()); // announcements arrive on the catalog's consumer thread
        }
    }

    /** Loads the shards of {@code known} not loaded yet; returns how many images they added. */
    private int load(SplitSoFar known) throws IOException, InterruptedException {
        int added = 0;
        for (DatasetShardAnnounced shard : known.shards()) {
            if (!loadedShards.add(shard.shardIndex()) || shard.firstImage() >= data.size()) {
                continue;
            }
            cancellation.check();
            int copied = data.fill(shard, cache.load(shard));
            for (int i = 0; i < copied; i++) {
                unvisited[unvisitedCount++] = (int) shard.firstImage() + i;
            }
            added += copied;
        }
        if (added > 0) {
            loadedImages += added;
            lastArrival = System.nanoTime();
            if (complete()) {
                LOG.info("Dataset {}: all {} train images loaded", datasetId, data.size());
            }
        }
        return added;
    }
}
