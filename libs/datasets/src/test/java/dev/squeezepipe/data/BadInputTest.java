package dev.squeezepipe.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.squeezepipe.testing.CifarFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input fails with an error naming the file and the problem. */
class BadInputTest {

    @TempDir
    Path dir;

    private DatasetFormatException failure(Path path, Split split) {
        return assertThrows(DatasetFormatException.class,
                () -> DatasetReaders.open(path, DatasetFormat.AUTO, 32).read(split, batch -> { }));
    }

    private static void assertMentions(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should mention '" + part + "'");
        }
    }

    private Path pythonRelease() throws IOException {
        return CifarFixtures.writePythonRelease(dir, 4).resolve("cifar-10-batches-py");
    }

    @Test
    void rejectsTruncatedPickle() throws IOException {
        Path folder = pythonRelease();
        byte[] whole = Files.readAllBytes(folder.resolve("test_batch"));
        Files.write(folder.resolve("test_batch"), Arrays.copyOf(whole, whole.length / 2));
        assertMentions(failure(dir, Split.TEST), "test_batch", "truncated");
    }

    @Test
    void rejectsPickleNamingForeignClass() throws IOException {
        Path folder = pythonRelease();
        byte[] evil = "\u0080\u0002cos\nsystem\nU\u0002lsR.".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(folder.resolve("test_batch"), evil);
        assertMentions(failure(dir, Split.TEST), "test_batch", "os.system", "unknown pickle content");
    }

    @Test
    void rejectsPickleDeclaringANegativeOrHugeLengthBeforeAllocatingIt() throws IOException {
        Path folder = pythonRelease();
        // protocol 2, BINSTRING with length -1; then BINBYTES8 claiming 2^40 bytes
        Files.write(folder.resolve("test_batch"), new byte[] {(byte) 0x80, 2, 'T', -1, -1, -1, -1, 'x', '.'});
        assertMentions(failure(dir, Split.TEST), "test_batch", "declares -1 bytes: the pickle is corrupt");
        Files.write(folder.resolve("test_batch"), new byte[] {(byte) 0x80, 4, (byte) 0x8e, 0, 0, 0, 0, 0, 1, 0, 0,
            'x', '.'});
        assertMentions(failure(dir, Split.TEST), "test_batch", "declares 1099511627776 bytes, more than the whole pickle's 13");
    }

    @Test
    void rejectsPickleWithoutPixelArray() throws IOException {
        Path folder = pythonRelease();
        Files.write(folder.resolve("test_batch"),
                "\u0080\u0002}U\u0001aK\u0001s.".getBytes(StandardCharsets.ISO_8859_1));
        assertMentions(failure(dir, Split.TEST), "test_batch", "no 'data' entry");
    }

    @Test
    void rejectsPythonLabelOutsideZeroToNine() throws IOException {
        Path folder = pythonRelease();
        byte[] bytes = Files.readAllBytes(folder.resolve("test_batch"));
        int labelsAt = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("labels") + "labels".length();
        bytes[labelsAt + 2 + 2 * 2 + 1] = 12; // EMPTY_LIST, MARK, then BININT1 pairs: image 2
        Files.write(folder.resolve("test_batch"), bytes);
        assertMentions(failure(dir, Split.TEST), "test_batch", "label 12 at image 2", "outside 0-9");
    }

    @Test
    void rejectsBinaryRecordOfWrongLength() throws IOException {
        Path folder = CifarFixtures.writeBinaryRelease(dir, 3).resolve("cifar-10-batches-bin");
        byte[] bytes = Files.readAllBytes(folder.resolve("test_batch.bin"));
        Files.write(folder.resolve("test_batch.bin"), Arrays.copyOf(bytes, bytes.length - 100));
        assertMentions(failure(dir, Split.TEST), "test_batch.bin", "wrong record length", "offset 6146");
    }

    @Test
    void rejectsBinaryLabelOutsideZeroToNine() throws IOException {
        Path folder = CifarFixtures.writeBinaryRelease(dir, 3).resolve("cifar-10-batches-bin");
        byte[] bytes = Files.readAllBytes(folder.resolve("data_batch_2.bin"));
        bytes[3073] = 12;
        Files.write(folder.resolve("data_batch_2.bin"), bytes);
        assertMentions(failure(dir, Split.TRAIN), "data_batch_2.bin", "label 12 at record 1 (offset 3073)");
    }

    @Test
    void rejectsTruncatedArchive() throws IOException {
        pythonRelease();
        Path archive = CifarFixtures.tarGz(dir.resolve("cifar-10-batches-py"), List.of("data_batch_1", "data_batch_2",
                "data_batch_3", "data_batch_4", "data_batch_5", "test_batch"), dir.resolve("a.tar.gz"));
        byte[] bytes = Files.readAllBytes(archive);
        Files.write(archive, Arrays.copyOf(bytes, bytes.length * 2 / 3));
        assertMentions(failure(archive, Split.TRAIN), "a.tar.gz", "truncated");
    }

    @Test
    void rejectsArchiveMissingABatch() throws IOException {
        pythonRelease();
        Path archive = CifarFixtures.tarGz(dir.resolve("cifar-10-batches-py"), List.of("data_batch_1", "data_batch_2",
                "data_batch_4", "data_batch_5", "test_batch"), dir.resolve("b.tar.gz"));
        assertMentions(failure(archive, Split.TRAIN), "b.tar.gz", "no cifar-10-batches-py/data_batch_3");
    }

    @Test
    void rejectsFolderMissingABatch() throws IOException {
        Files.delete(pythonRelease().resolve("data_batch_5"));
        assertMentions(failure(dir, Split.TRAIN), "missing batch file data_batch_5");
    }

    @Test
    void rejectsFileThatIsNotGzip() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.tar.gz"), "hello");
        assertMentions(failure(file, Split.TRAIN), "notes.tar.gz", "not a gzip archive");
    }

    @Test
    void rejectsMissingPath() {
        assertMentions(failure(dir.resolve("nowhere"), Split.TRAIN), "nowhere", "no such file or folder");
    }

    @Test
    void rejectsUnreadableImage() throws IOException {
        Files.createDirectories(dir.resolve("cat"));
        Files.writeString(dir.resolve("cat/broken.png"), "not an image");
        assertMentions(failure(dir, Split.TRAIN), "broken.png", "unreadable image");
    }

    @Test
    void rejectsFolderWithoutClassFolders() throws IOException {
        Files.writeString(dir.resolve("readme.txt"), "hi");
        assertMentions(failure(dir, Split.TRAIN), "no class folders");
    }
}
