package dev.squeezepipe.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads an official CIFAR-10 release (python or binary layout) from its folder or its {@code .tar.gz}, one
 * batch file at a time. A tar.gz is read in a single pass; batch files the archive stores ahead of their
 * turn are held until it comes, so batches always arrive in the release's order.
 */
public final class ReleaseReader implements DatasetReader {

    private final Path location;
    private final ReleaseLayout layout;

    public ReleaseReader(Path location, ReleaseLayout layout) {
        this.location = location;
        this.layout = layout;
    }

    @Override
    public String describe() {
        return "CIFAR-10 " + layout.name().toLowerCase() + " release at " + location;
    }

    @Override
    public int batchCount(Split split) {
        return layout.files(split).size();
    }

    /** Known for the binary layout in a folder (fixed-size records); a python batch must be unpickled to count. */
    @Override
    public long knownCount(Split split) throws IOException {
        if (layout != ReleaseLayout.BINARY || !Files.isDirectory(location)) {
            return -1;
        }
        long records = 0;
        for (String name : layout.files(split)) {
            Path file = batchFolder().resolve(name);
            long size = Files.isRegularFile(file) ? Files.size(file) : -1;
            if (size <= 0 || size % BinaryBatchDecoder.RECORD != 0) {
                return -1; // reading it reports what is wrong
            }
            records += size / BinaryBatchDecoder.RECORD;
        }
        return records;
    }

    @Override
    public void read(Split split, BatchSink sink) throws IOException {
        if (Files.isDirectory(location)) {
            readFolder(split, sink);
        } else {
            readArchive(split, sink);
        }
    }

    private void readFolder(Split split, BatchSink sink) throws IOException {
        Path folder = batchFolder();
        for (String name : layout.files(split)) {
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new DatasetFormatException(folder.toString(), "missing batch file " + name);
            }
            sink.accept(layout.decode(file.toString(), Files.readAllBytes(file)));
        }
    }

    private Path batchFolder() {
        return Files.isDirectory(location.resolve(layout.folder())) ? location.resolve(layout.folder()) : location;
    }

    private void readArchive(Split split, BatchSink sink) throws IOException {
        List<String> wanted = layout.files(split);
        Map<String, byte[]> early = new HashMap<>();
        int next = 0;
        String lastEntry = "(none)";
        try (InputStream raw = Files.newInputStream(location);
                TarArchiveInputStream tar = new TarArchiveInputStream(
                        new GZIPInputStream(new BufferedInputStream(raw, 1 << 16), 1 << 16))) {
            TarArchiveEntry entry;
            while (next < wanted.size() && (entry = tar.getNextEntry()) != null) {
                lastEntry = entry.getName();
                String name = Path.of(entry.getName()).getFileName().toString();
                if (entry.isDirectory() || !wanted.contains(name) || wanted.indexOf(name) < next) {
                    continue;
                }
                byte[] content = tar.readAllBytes();
                if (content.length != entry.getSize()) {
                    throw new EOFException("entry " + entry.getName() + " ends after " + content.length + " of "
                            + entry.getSize() + " bytes");
                }
                early.put(name, content);
                while (next < wanted.size() && early.containsKey(wanted.get(next))) {
                    String ready = wanted.get(next++);
                    sink.accept(layout.decode(location + "!" + ready, early.remove(ready)));
                }
            }
        } catch (ZipException e) {
            throw new DatasetFormatException(location.toString(), "not a gzip archive (" + e.getMessage() + ")", e);
        } catch (EOFException e) {
            throw new DatasetFormatException(location.toString(), "truncated archive after entry " + lastEntry
                    + " (" + e.getMessage() + ")", e);
        }
        if (next < wanted.size()) {
            throw new DatasetFormatException(location.toString(), "archive has no " + layout.folder() + "/"
                    + wanted.get(next));
        }
    }
}
