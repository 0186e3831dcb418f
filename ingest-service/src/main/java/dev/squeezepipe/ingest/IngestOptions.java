package dev.squeezepipe.ingest;

import dev.squeezepipe.data.DatasetFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An ingest request's options with the service's defaults filled in, checked before any work starts.
 *
 * @param path the dataset's release folder, archive or image folders; it exists
 * @param format a known format name, lower case
 * @param limit images per split to keep (0: all)
 * @param shardSize images per shard, positive
 * @param imageSize side of the stored images, positive
 */
record IngestOptions(Path path, String format, int limit, int shardSize, int imageSize) {

    /** The options of {@code request}, or an {@link IllegalArgumentException} naming what is wrong with it. */
    static IngestOptions of(IngestRequest request, IngestSettings settings) {
        if (request.path() == null || request.path().isBlank()) {
            throw new IllegalArgumentException("no dataset path given");
        }
        Path path = Path.of(request.path());
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(path + ": no such file or folder"); // as the dataset readers word it
        }
        int shardSize = request.shardSize() != null ? request.shardSize() : settings.getShardSize();
        int imageSize = request.imageSize() != null ? request.imageSize() : settings.getImageSize();
        int limit = request.limit() != null ? request.limit() : settings.getLimit();
        if (shardSize < 1 || imageSize < 1 || limit < 0) {
            throw new IllegalArgumentException("shard size and image size must be positive and limit >= 0; got "
                    + shardSize + ", " + imageSize + ", " + limit);
        }
        String format = (request.format() != null ? request.format() : settings.getFormat()).toLowerCase(Locale.ROOT);
        DatasetFormat.parse(format); // an unknown name is refused here, naming the accepted ones
        return new IngestOptions(path, format, limit, shardSize, imageSize);
    }
}
