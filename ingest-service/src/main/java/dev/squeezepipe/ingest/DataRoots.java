package dev.squeezepipe.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an ingest requested over HTTP may read: a regular file or a folder inside one of the configured data roots,
 * with symbolic links and {@code ..} resolved first. Every refusal gives the caller the same answer, so that the
 * server's filesystem cannot be probed through it; the log says what was wrong.
 */
final class DataRoots {

    private static final Logger LOG = LoggerFactory.getLogger(DataRoots.class);
    /** The one answer a caller gets for a path it may not read, whatever the reason. */
    static final String REFUSED = "path not found or not allowed: give a dataset file or folder under the "
            + "ingest's data roots (INGEST_DATA_ROOTS)";

    private DataRoots() {}

    /** The real path of {@code requested}, or an {@link IllegalArgumentException} with {@link #REFUSED}. */
    static Path check(String requested, List<Path> roots) {
        if (requested == null || requested.isBlank() || requested.length() > 4096 || requested.indexOf('\0') >= 0) {
            throw refused(requested, "blank, over 4096 characters, or with a NUL");
        }
        Path real;
        try {
            real = Path.of(requested).toRealPath();
        } catch (IOException | RuntimeException e) {
            throw refused(requested, "does not resolve: " + e);
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(real,
                LinkOption.NOFOLLOW_LINKS)) {
            throw refused(requested, real + " is neither a regular file nor a folder");
        }
        for (Path root : roots) {
            try {
                Path realRoot = root.toRealPath();
                if (real.startsWith(realRoot) && !real.equals(realRoot.getRoot())) {
                    return real;
                }
            } catch (IOException e) {
                LOG.warn("Data root {} does not resolve ({}); it admits nothing", root, e.toString());
            }
        }
        throw refused(requested, real + " lies under none of the data roots " + roots);
    }

    private static IllegalArgumentException refused(String requested, String why) {
        LOG.warn("Ingest of '{}' refused: {}", requested, why);
        return new IllegalArgumentException(REFUSED);
    }
}
