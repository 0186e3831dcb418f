package dev.squeezepipe.ingest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import java.util.List;

/**
 * Defaults of an ingest (a request may override the shard size, image size, format and limit) and where shards go;
 * every value comes from {@code application-ingest.yml}.
 *
 * @param bucket bucket of shards and manifests (DATASETS_BUCKET)
 * @param shardSize images per shard (INGEST_SHARD_SIZE)
 * @param imageSize side of the stored images, resized when the source differs (INGEST_IMAGE_SIZE)
 * @param data a dataset to ingest at start-up; empty for none (INGEST_DATA)
 * @param format the dataset's layout: auto, python, binary or folder (INGEST_FORMAT)
 * @param limit images per split to keep; 0: all (INGEST_LIMIT)
 * @param writeAhead shards that may wait for storage while reading goes on (INGEST_WRITE_AHEAD)
 * @param roots the folders an ingest requested over HTTP may read from, comma-separated (INGEST_DATA_ROOTS); empty:
 *     only the folder of {@code data}, and none without it
 */
@ConfigurationProperties("ingest")
public record IngestSettings(
        @NotBlank(message = "set DATASETS_BUCKET (ingest.bucket)") String bucket,
        @Min(value = 1, message = "INGEST_SHARD_SIZE (ingest.shard-size) must be 1-100000")
        @Max(value = 100_000, message = "INGEST_SHARD_SIZE (ingest.shard-size) must be 1-100000") int shardSize,
        @Min(value = 1, message = "INGEST_IMAGE_SIZE (ingest.image-size) must be 1-1024")
        @Max(value = 1024, message = "INGEST_IMAGE_SIZE (ingest.image-size) must be 1-1024") int imageSize,
        String data,
        @NotBlank(message = "set INGEST_FORMAT (ingest.format): auto, python, binary or folder") String format,
        @Min(value = 0, message = "INGEST_LIMIT (ingest.limit) must be 0 (all) or more") int limit,
        @Min(value = 1, message = "INGEST_WRITE_AHEAD (ingest.write-ahead) must be at least 1") int writeAhead,
        @Nullable List<String> roots) {

    /** The folders requested paths must lie in: the configured roots, else the start-up dataset's folder. */
    public List<Path> dataRoots() {
        if (roots != null && roots.stream().anyMatch(r -> !r.isBlank())) {
            return roots.stream().filter(r -> !r.isBlank()).map(r -> Path.of(r.trim())).toList();
        }
        return data == null || data.isBlank() ? List.of()
                : List.of(Path.of(data).toAbsolutePath().normalize().getParent());
    }
}
