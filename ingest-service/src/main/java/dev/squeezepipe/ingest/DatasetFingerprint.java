package dev.squeezepipe.ingest;

import dev.squeezepipe.data.DatasetFormat;
import dev.squeezepipe.storage.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A dataset id derived from content: the source's bytes (every file of a folder, with its relative path)
 * and the options that shape the shards. The same data ingested again gets the same id, wherever it lies.
 */
final class DatasetFingerprint {

    /** Hex characters kept: 64 bits, plenty to tell datasets apart. */
    private static final int LENGTH = 16;

    private DatasetFingerprint() {}

    static String of(Path source, DatasetFormat format, int limit, int shardSize, int imageSize) throws IOException {
        MessageDigest digest = Hashing.sha256();
        // the format as its lower-case name, as ids were made before the options held the enum
        String name = format.name().toLowerCase(Locale.ROOT);
        String options = "v1|" + name + "|" + limit + "|" + shardSize + "|" + imageSize;
        digest.update(options.getBytes(StandardCharsets.UTF_8));
        if (Files.isDirectory(source)) {
            for (Path file : files(source)) {
                digest.update(source.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                update(digest, file);
            }
        } else {
            update(digest, source);
        }
        return "ds-" + HexFormat.of().formatHex(digest.digest()).substring(0, LENGTH);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void update(MessageDigest digest, Path file) throws IOException {
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
    }
}
