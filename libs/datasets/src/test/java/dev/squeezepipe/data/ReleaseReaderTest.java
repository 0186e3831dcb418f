package dev.squeezepipe.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.squeezepipe.testing.CifarFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Python and binary releases, as folders and as tar.gz, on fixtures written by the test. */
class ReleaseReaderTest {

    @TempDir
    Path dir;

    private static List<ImageBatch> readAll(DatasetReader reader, Split split) throws IOException {
        List<ImageBatch> out = new ArrayList<>();
        reader.read(split, out::add);
        return out;
    }

    @Test
    void readsPythonReleaseFolderWithPixelsAndLabelsIntact() throws IOException {
        CifarFixtures.writePythonRelease(dir, 7);
        DatasetReader reader = DatasetReaders.open(dir, DatasetFormat.AUTO, 32);
        List<ImageBatch> train = readAll(reader, Split.TRAIN);
        assertEquals(5, train.size());
        ImageBatch expected = CifarFixtures.randomBatch("x", 7, 3, 3);
        assertArrayEquals(expected.pixels(), train.get(2).pixels());
        assertArrayEquals(expected.labels(), train.get(2).labels());
        assertEquals(7, reader.count(Split.TEST));
    }

    @Test
    void readsBinaryReleaseFolderAndArchiveAlike() throws IOException {
        CifarFixtures.writeBinaryRelease(dir, 5);
        Path folder = dir.resolve("cifar-10-batches-bin");
        Path archive = CifarFixtures.tarGz(folder, List.of("test_batch.bin", "data_batch_3.bin", "data_batch_1.bin",
                "data_batch_2.bin", "data_batch_5.bin", "data_batch_4.bin"), dir.resolve("bin.tar.gz"));
        List<ImageBatch> fromFolder = readAll(DatasetReaders.open(dir, DatasetFormat.AUTO, 32), Split.TRAIN);
        List<ImageBatch> fromArchive = readAll(DatasetReaders.open(archive, DatasetFormat.AUTO, 32), Split.TRAIN);
        assertEquals(5, fromArchive.size());
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(fromFolder.get(i).pixels(), fromArchive.get(i).pixels());
            assertArrayEquals(fromFolder.get(i).labels(), fromArchive.get(i).labels());
            assertTrue(fromArchive.get(i).source().endsWith("data_batch_" + (i + 1) + ".bin"));
        }
    }

    @Test
    void knowsSplitSizesOfABinaryFolderFromFileSizesOnly() throws IOException {
        CifarFixtures.writeBinaryRelease(dir, 5);
        Path folder = dir.resolve("cifar-10-batches-bin");
        DatasetReader binary = DatasetReaders.open(dir, DatasetFormat.AUTO, 32);
        assertEquals(25, binary.knownCount(Split.TRAIN));
        assertEquals(5, binary.knownCount(Split.TEST));
        Files.write(folder.resolve("test_batch.bin"), new byte[100]);
        assertEquals(-1, binary.knownCount(Split.TEST), "a damaged file is left to the read to report");
        Path archive = CifarFixtures.tarGz(folder, List.of("data_batch_1.bin"), dir.resolve("bin.tar.gz"));
        assertEquals(-1, DatasetReaders.open(archive, DatasetFormat.AUTO, 32).knownCount(Split.TRAIN));
        Path python = Files.createDirectories(dir.resolve("py"));
        CifarFixtures.writePythonRelease(python, 3);
        assertEquals(-1, DatasetReaders.open(python, DatasetFormat.AUTO, 32).knownCount(Split.TRAIN),
                "a pickled batch is counted only by reading it");
    }

    @Test
    void readsPythonArchiveStoredOutOfOrderInReleaseOrder() throws IOException {
        CifarFixtures.writePythonRelease(dir, 3);
        Path archive = CifarFixtures.tarGz(dir.resolve("cifar-10-batches-py"), List.of("data_batch_4", "data_batch_2",
                "data_batch_5", "data_batch_1", "data_batch_3", "test_batch"), dir.resolve("py.tar.gz"));
        List<ImageBatch> train = readAll(DatasetReaders.open(archive, DatasetFormat.PYTHON, 32), Split.TRAIN);
        for (int i = 0; i < 5; i++) {
            assertEquals(i + 1, train.get(i).labels()[0], "batch " + (i + 1) + " starts with label " + (i + 1));
        }
    }
}
