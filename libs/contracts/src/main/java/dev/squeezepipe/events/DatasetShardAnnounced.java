package dev.squeezepipe.events;

import dev.squeezepipe.schema.Versioned;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A shard of a dataset split was stored in object storage and can be fetched.
 *
 * @param schema the format version it was written in (MAJOR.MINOR)
 * @param datasetId content-derived id of the dataset
 * @param split train or test
 * @param shardIndex position of the shard within the split, from 0
 * @param firstImage index within the split of the shard's first image
 * @param bucket bucket holding the shard
 * @param objectKey key of the .npz object (images.npy uint8 NCHW, labels.npy uint8)
 * @param imageCount images in the shard
 * @param shape shape of images.npy
 * @param dtype numpy dtype of images.npy
 * @param sha256 hex sha256 of the object's bytes
 * @param sizeBytes object size
 * @param preprocessing how the images were prepared
 * @param splitImages images the whole split will hold, when the ingest knew it before storing its first shard
 *     (else null): a trainer can then plan its epochs and start before the last shard is announced
 */
@Serdeable
public record DatasetShardAnnounced(String schema, String datasetId, String split, int shardIndex, long firstImage,
        String bucket, String objectKey, int imageCount, List<Integer> shape, String dtype, String sha256,
        long sizeBytes, ShardPreprocessing preprocessing, Long splitImages) implements Versioned {}
