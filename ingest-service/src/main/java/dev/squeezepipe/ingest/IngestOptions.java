package dev.squeezepipe.ingest;

import dev.squeezepipe.data.DatasetFormat;
import dev.squeezepipe.data.DatasetFormatException;
import dev.squeezepipe.data.DatasetReaders;
import java.nio.file.Path;

/**
 * An ingest request's options with the service's defaults filled in, checked before any work starts.
 *
 * @param path the dataset's release folder, archive or image folders; it exists
 * @param format the dataset's layout, or {@code AUTO} to detect it
 * @param limit images per split to keep (0: all)
 * @param shardSize images per shard, positive
 * @param imageSize side of the stored images, positive
 */
record IngestOptions(Path path, DatasetFormat format, int limit, int shardSize, int imageSize) {

    /** The largest side images are stored at: the recipe's 224 and room above it. */
    static final int MAX_IMAGE_SIZE = 512;
    /** The most pixel bytes one shard holds in memory while it is assembled (256 MiB). */
    static final long MAX_SHARD_BYTES = 256L << 20;

    /**
     * The options of {@code request}; an {@link IllegalArgumentException} names what is wrong with them, a
     * {@link DatasetFormatException} a path where nothing is.
     */
    static IngestOptions of(IngestRequest request, IngestSettings settings) throws DatasetFormatException {
        if (request.path() == null || request.path().isBlank()) {
            throw new IllegalArgumentException("no dataset path given");
        }
        Path path = Path.of(request.path());
        DatasetReaders.requireExists(path);
        int shardSize = request.shardSize() != null ? request.shardSize() : settings.shardSize();
        int imageSize = request.imageSize() != null ? request.imageSize() : settings.imageSize();
        int limit = request.limit() != null ? request.limit() : settings.limit();
        if (shardSize < 1 || imageSize < 1 || limit < 0) {
            throw new IllegalArgumentException("shard size and image size must be positive and limit >= 0; got "
                    + shardSize + ", " + imageSize + ", " + limit);
        }
        if (imageSize > MAX_IMAGE_SIZE || (long) shardSize * 3 * imageSize * imageSize > MAX_SHARD_BYTES) {
            throw new IllegalArgumentException("a shard of " + shardSize + " images of " + imageSize + "x"
                    + imageSize + " exceeds the limits: images of at most " + MAX_IMAGE_SIZE + " a side, shards of at "
                    + "most " + MAX_SHARD_BYTES + " bytes of pixels");
        }
        // an unknown name is refused here, naming the accepted ones
        DatasetFormat format = DatasetFormat.parse(request.format() != null ? request.format() : settings.format());
        return new IngestOptions(path, format, limit, shardSize, imageSize);
    }
}
