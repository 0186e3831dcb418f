package dev.squeezepipe.testing;

import dev.squeezepipe.data.ImageBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes small CIFAR-10 fixtures in the official layouts: python batches pickled with protocol 2 exactly as
 * the release does (numpy {@code _reconstruct}, a py2 byte string of pixels), binary records, tar.gz archives.
 */
public final class CifarFixtures {

    /** Location of the shared CIFAR-10 archive (system property {@code squeezepipe.shared}, else ../shared). */
    public static Path sharedArchive() {
        String shared = System.getProperty("squeezepipe.shared", "../shared");
        Path candidate = Path.of(shared, "datasets", "cifar-10-python.tar.gz");
        return Files.exists(candidate) ? candidate
                : Path.of("..", "..", "shared", "datasets", "cifar-10-python.tar.gz");
    }

    private CifarFixtures() {}

    /** {@code count} random 32x32 images with labels cycling through 0-9 from {@code firstLabel}. */
    public static ImageBatch randomBatch(String source, int count, int firstLabel, long seed) {
        byte[] pixels = new byte[count * 3072];
        new Random(seed).nextBytes(pixels);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (firstLabel + i) % 10;
        }
        return new ImageBatch(source, 32, 32, pixels, labels);
    }

    /** A python-release batch file's bytes. */
    public static byte[] pickleBatch(ImageBatch batch, String batchLabel) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80);
        out.write(2); // PROTO 2
        out.write('}'); // EMPTY_DICT
        out.write('('); // MARK
        shortString(out, "batch_label");
        shortString(out, batchLabel);
        shortString(out, "labels");
        out.write(']'); // EMPTY_LIST
        out.write('(');
        for (int label : batch.labels()) {
            out.write('K'); // BININT1
            out.write(label);
        }
        out.write('e'); // APPENDS
        shortString(out, "data");
        global(out, "numpy.core.multiarray", "_reconstruct");
        global(out, "numpy", "ndarray");
        out.write('K');
        out.write(0);
        out.write(0x85); // TUPLE1
        shortString(out, "b");
        out.write(0x87); // TUPLE3
        out.write('R'); // REDUCE
        out.write('(');
        out.write('K');
        out.write(1);
        binint2(out, batch.count());
        binint2(out, 3072);
        out.write(0x86); // TUPLE2
        global(out, "numpy", "dtype");
        shortString(out, "u1");
        out.write(0x89); // NEWFALSE
        out.write(0x88); // NEWTRUE
        out.write(0x87);
        out.write('R');
        out.write('(');
        out.write('K');
        out.write(3);
        shortString(out, "|");
        out.write('N');
        out.write('N');
        out.write('N');
        out.write('J');
        out.writeBytes(new byte[] {-1, -1, -1, -1});
        out.write('J');
        out.writeBytes(new byte[] {-1, -1, -1, -1});
        out.write('K');
        out.write(0);
        out.write('t'); // TUPLE
        out.write('b'); // BUILD
        out.write(0x89);
        out.write('T'); // BINSTRING
        int n = batch.pixels().length;
        out.writeBytes(new byte[] {(byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)});
        out.writeBytes(batch.pixels());
        out.write('t');
        out.write('b');
        out.write('u'); // SETITEMS
        out.write('.'); // STOP
        return out.toByteArray();
    }

    /** A binary-release batch file's bytes. */
    public static byte[] binaryBatch(ImageBatch batch) {
        byte[] out = new byte[batch.count() * 3073];
        for (int i = 0; i < batch.count(); i++) {
            out[i * 3073] = (byte) batch.labels()[i];
            System.arraycopy(batch.pixels(), i * 3072, out, i * 3073 + 1, 3072);
        }
        return out;
    }

    /** A python-release folder under {@code root} with five train batches and one test batch. */
    public static Path writePythonRelease(Path root, int perBatch) throws IOException {
        Path folder = Files.createDirectories(root.resolve("cifar-10-batches-py"));
        for (int b = 1; b <= 5; b++) {
            Files.write(folder.resolve("data_batch_" + b),
                    pickleBatch(randomBatch("train" + b, perBatch, b, b), "training batch " + b + " of 5"));
        }
        Files.write(folder.resolve("test_batch"),
                pickleBatch(randomBatch("test", perBatch, 0, 99), "testing batch 1 of 1"));
        return root;
    }

    /** A binary-release folder under {@code root} with five train batches and one test batch. */
    public static Path writeBinaryRelease(Path root, int perBatch) throws IOException {
        Path folder = Files.createDirectories(root.resolve("cifar-10-batches-bin"));
        for (int b = 1; b <= 5; b++) {
            Files.write(folder.resolve("data_batch_" + b + ".bin"),
                    binaryBatch(randomBatch("train" + b, perBatch, b, b)));
        }
        Files.write(folder.resolve("test_batch.bin"), binaryBatch(randomBatch("test", perBatch, 0, 99)));
        return root;
    }

    /** A tar.gz of {@code folder} (entries named {@code <folder name>/<file>}), files in the order given. */
    public static Path tarGz(Path folder, List<String> order, Path archive) throws IOException {
        try (OutputStream file = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(file))) {
            for (String name : order) {
                byte[] content = Files.readAllBytes(folder.resolve(name));
                TarArchiveEntry entry = new TarArchiveEntry(folder.getFileName() + "/" + name);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return archive;
    }

    private static void shortString(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        out.write('U');
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private static void global(ByteArrayOutputStream out, String module, String name) {
        out.write('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static void binint2(ByteArrayOutputStream out, int value) {
        out.write('M');
        out.write(value & 0xff);
        out.write(value >> 8);
    }
}
