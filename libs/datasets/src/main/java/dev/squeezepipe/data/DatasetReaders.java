package dev.squeezepipe.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Opens the right {@link DatasetReader} for a path, detecting the layout when asked to. */
public final class DatasetReaders {

    /** Images per batch when reading image folders. */
    public static final int FOLDER_BATCH = 1000;

    private DatasetReaders() {}

    /** A reader for {@code path} in {@code format}; image folders are resized to {@code side}. */
    public static DatasetReader open(Path path, DatasetFormat format, int side) throws IOException {
        requireExists(path);
        DatasetFormat resolved = format == DatasetFormat.AUTO ? detect(path) : format;
        switch (resolved) {
            case PYTHON:
                return new ReleaseReader(path, ReleaseLayout.PYTHON);
            case BINARY:
                return new ReleaseReader(path, ReleaseLayout.BINARY);
            default:
                return new ImageFolderReader(path, side, FOLDER_BATCH);
        }
    }

    /** Fails with a {@link DatasetFormatException} naming {@code path} when nothing is there. */
    public static void requireExists(Path path) throws DatasetFormatException {
        if (!Files.exists(path)) {
            throw new DatasetFormatException(path.toString(), "no such file or folder");
        }
    }

    /** The layout of {@code path}, from folder names or the archive's first entries. */
    static DatasetFormat detect(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            if (Files.isDirectory(path.resolve(ReleaseLayout.PYTHON.folder()))
                    || Files.isRegularFile(path.resolve("data_batch_1"))) {
                return DatasetFormat.PYTHON;
            }
            if (Files.isDirectory(path.resolve(ReleaseLayout.BINARY.folder()))
                    || Files.isRegularFile(path.resolve("data_batch_1.bin"))) {
                return DatasetFormat.BINARY;
            }
            return DatasetFormat.FOLDER;
        }
        return detectArchive(path);
    }

    private static DatasetFormat detectArchive(Path archive) throws IOException {
        try (InputStream raw = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(
                        new GZIPInputStream(new BufferedInputStream(raw)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.getName().contains(ReleaseLayout.PYTHON.folder())) {
                    return DatasetFormat.PYTHON;
                }
                if (entry.getName().contains(ReleaseLayout.BINARY.folder())) {
                    return DatasetFormat.BINARY;
                }
            }
        } catch (ZipException e) {
            throw new DatasetFormatException(archive.toString(), "unknown format: not a folder and not a gzip"
                    + " archive (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DatasetFormatException(archive.toString(), "unreadable archive: " + e.getMessage(), e);
        }
        throw new DatasetFormatException(archive.toString(), "unknown format: the archive holds neither "
                + ReleaseLayout.PYTHON.folder() + " nor " + ReleaseLayout.BINARY.folder());
    }
}
