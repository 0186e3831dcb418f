package dev.squeezepipe.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.squeezepipe.preprocess.Images;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {

    @TempDir
    Path dir;

    static void writeImage(Path file, int size, int rgb, String format) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, format, file.toFile());
    }

    @Test
    void labelsCifarClassFoldersInCifarOrderAndResizes() throws IOException {
        writeImage(dir.resolve("train/truck/a.png"), 64, 0xff0000, "png");
        writeImage(dir.resolve("train/cat/b.png"), 16, 0x00ff00, "png");
        writeImage(dir.resolve("train/cat/c.jpg"), 32, 0x0000ff, "jpg");
        writeImage(dir.resolve("test/truck/d.png"), 32, 0xffffff, "png");
        DatasetReader reader = DatasetReaders.open(dir, DatasetFormat.AUTO, 32);
        List<ImageBatch> train = new ArrayList<>();
        reader.read(Split.TRAIN, train::add);
        ImageBatch batch = train.get(0);
        assertEquals(3, batch.count());
        assertEquals(List.of(3, 3, 9), List.of(batch.labels()[0], batch.labels()[1], batch.labels()[2]));
        assertEquals(32, batch.height());
        assertEquals(0xff, batch.image(2)[0] & 0xff, "the 64px red truck is red after resizing");
        assertEquals(1, reader.count(Split.TEST));
    }

    @Test
    void knowsEachSplitsSizeFromItsFileListingBeforeDecoding() throws IOException {
        writeImage(dir.resolve("train/cat/a.png"), 8, 0, "png");
        writeImage(dir.resolve("train/dog/b.jpg"), 8, 0, "jpg");
        Files.write(dir.resolve("train/dog/c.png"), new byte[] {1, 2, 3}); // counted: reading it fails the ingest
        Files.writeString(dir.resolve("train/dog/notes.txt"), "not an image");
        writeImage(dir.resolve("test/cat/d.png"), 8, 0, "png");
        DatasetReader reader = new ImageFolderReader(dir, 8, 10);
        assertEquals(3, reader.knownCount(Split.TRAIN));
        assertEquals(1, reader.knownCount(Split.TEST));
    }

    @Test
    void labelsOtherClassFoldersAlphabetically() throws IOException {
        writeImage(dir.resolve("zebra/a.png"), 8, 0, "png");
        writeImage(dir.resolve("ant/b.png"), 8, 0, "png");
        List<ImageBatch> train = new ArrayList<>();
        new ImageFolderReader(dir, 8, 10).read(Split.TRAIN, train::add);
        assertEquals(0, train.get(0).labels()[0]);
        assertEquals(1, train.get(0).labels()[1]);
        assertEquals(0, new ImageFolderReader(dir, 8, 10).count(Split.TEST), "a flat layout has no test split");
        assertEquals(3 * 8 * 8, Images.toChw(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB)).length);
    }
}
