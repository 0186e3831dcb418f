package dev.squeezepipe.trainer;

import dev.squeezepipe.data.Split;
import dev.squeezepipe.events.DatasetReady;
import dev.squeezepipe.events.DatasetShardAnnounced;
import dev.squeezepipe.modelstore.StoredSplits;
import dev.squeezepipe.service.Cancellation;
import dev.squeezepipe.service.DeadLetters;
import dev.squeezepipe.service.LeastRecentlyUsed;
import dev.squeezepipe.storage.ObjectLayout;
import dev.squeezepipe.topics.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What this trainer knows of the datasets: every shard announced and every split declared ready, read from
 * the beginning of the topics by each trainer (a unique group: every instance needs all of it). A split
 * stored before the topics' retention is found through its manifest in S3.
 */
@KafkaListener(groupId = ShardCatalog.GROUP, uniqueGroupId = true, offsetReset = OffsetReset.EARLIEST,
        // a view reads its topics whole at every start, under a group of its own: an offset committed would never
        // be read, and committing one on close waits out a broker that is away
        offsetStrategy = OffsetStrategy.DISABLED)
@Requires(env = "trainer")
public class ShardCatalog {

    static final String GROUP = "trainer-catalog";

    private static final Duration POLL = Duration.ofMillis(200);
    /**
     * Splits whose announcements are kept in memory, the least recently used going first: a split no longer here is
     * found through its manifest in S3, as one announced before the topics' retention is.
     */
    static final int KEPT_SPLITS = 64;

    private final Map<String, ConcurrentSkipListMap<Integer, DatasetShardAnnounced>> shards = bounded();
    private final Map<String, DatasetReady> ready = bounded();
    private final StoredSplits splits;
    private final DeadLetters deadLetters;

    public ShardCatalog(StoredSplits splits, DeadLetters deadLetters) {
        this.splits = splits;
        this.deadLetters = deadLetters;
    }

    @Topic(Topics.DATASET_SHARDS)
    void onShard(ConsumerRecord<String, byte[]> record) {
        deadLetters.readOrSkip(record, DatasetShardAnnounced.class, GROUP).ifPresent(this::announced);
    }

    @Topic(Topics.DATASET_READY)
    void onReady(ConsumerRecord<String, byte[]> record) {
        deadLetters.readOrSkip(record, DatasetReady.class, GROUP)
                .ifPresent(event -> ready.put(key(event.datasetId(), event.split()), event));
    }

    void announced(DatasetShardAnnounced shard) {
        shards.computeIfAbsent(key(shard.datasetId(), shard.split()), k -> new ConcurrentSkipListMap<>())
                .put(shard.shardIndex(), shard);
    }

    /** Splits whose shard announcements are in memory. */
    int splitsInMemory() {
        return shards.size();
    }

    /** The split's shards announced so far, as far as memory holds them, by index. */
    List<DatasetShardAnnounced> inMemory(String datasetId, Split split) {
        Map<Integer, DatasetShardAnnounced> known = shards.get(key(datasetId, split.id()));
        return known == null ? List.of() : List.copyOf(known.values());
    }

    private static <V> Map<String, V> bounded() {
        return Collections.synchronizedMap(LeastRecentlyUsed.map(KEPT_SPLITS));
    }

    /** A split as far as this trainer knows it: the shards announced so far, and whether they are all of it. */
    public record SplitSoFar(List<DatasetShardAnnounced> shards, boolean complete) {

        /** Whether its shards announced the split's size, so training can be planned before it is complete. */
        boolean sized() {
            return !shards.isEmpty() && shards.get(0).splitImages() != null;
        }

        long images() {
            return shards.stream().mapToLong(DatasetShardAnnounced::imageCount).sum();
        }
    }

    /**
     * The shards of a split once it is complete, waiting up to {@code wait}; fails naming the dataset when it
     * never becomes ready. {@code cancelled} is checked while waiting.
     */
    public List<DatasetShardAnnounced> awaitSplit(String datasetId, Split split, Duration wait, Cancellation cancelled)
            throws IOException, InterruptedException {
        return await(datasetId, split, wait, cancelled, SplitSoFar::complete).shards();
    }

    /**
     * As {@link #awaitSplit}, but returns as soon as training can start: when the split is complete, or when one
     * of its shards has arrived announcing the split's size.
     */
    public SplitSoFar awaitStart(String datasetId, Split split, Duration wait, Cancellation cancelled)
            throws IOException, InterruptedException {
        return await(datasetId, split, wait, cancelled, s -> s.complete() || s.sized());
    }

    private SplitSoFar await(String datasetId, Split split, Duration wait, Cancellation cancelled,
            Predicate<SplitSoFar> enough) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            SplitSoFar known = now(datasetId, split);
            if (enough.test(known)) {
                return known;
            }
            if (System.nanoTime() > deadline) {
                throw new DatasetUnavailableException("dataset " + datasetId + " has no ready " + split.id()
                        + " split after waiting " + wait.toSeconds() + " s (is it ingested?)");
            }
            cancelled.check();
            Thread.sleep(POLL.toMillis()); // announcements arrive on the catalog's consumer thread
        }
    }

    /** The split as known now: complete once declared ready with all its shards (or found by its manifest). */
    public SplitSoFar now(String datasetId, Split split) throws IOException {
        DatasetReady done = ready.get(key(datasetId, split.id()));
        List<DatasetShardAnnounced> announced = inMemory(datasetId, split);
        if (done != null && announced.size() >= done.shards()) {
            return new SplitSoFar(announced, true);
        }
        String bucket = done != null ? done.bucket() : ObjectLayout.DATASETS_BUCKET;
        return splits.manifest(bucket, datasetId, split).map(manifest -> new SplitSoFar(manifest.shards().stream()
                .sorted(Comparator.comparingInt(DatasetShardAnnounced::shardIndex)).toList(), true))
                .orElse(new SplitSoFar(announced, false));
    }

    private static String key(String datasetId, String split) {
        return datasetId + "/" + split;
    }
}
