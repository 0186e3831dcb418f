package dev.squeezepipe.ingest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What to ingest; unset options take the service's defaults.
 *
 * @param path a release folder, a .tar.gz, or class-named image folders
 * @param format auto, python, binary or folder
 * @param limit images per split to keep (0: all)
 * @param shardSize images per shard
 * @param imageSize side of the stored images
 */
@Serdeable
public record IngestRequest(String path, @Nullable String format, @Nullable Integer limit,
        @Nullable Integer shardSize, @Nullable Integer imageSize) {

    /** A request for {@code path} with every option left to the defaults. */
    public static IngestRequest of(String path) {
        return new IngestRequest(path, null, null, null, null);
    }
}
