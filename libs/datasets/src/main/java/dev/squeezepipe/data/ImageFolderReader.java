package dev.squeezepipe.data;

import dev.squeezepipe.preprocess.Images;
import dev.squeezepipe.preprocess.Resize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads class-named image folders: {@code root/<class>/*.png|jpg} (all training data), or
 * {@code root/train/<class>/...} and {@code root/test/<class>/...}. Classes take CIFAR-10's label order when
 * the folder names are CIFAR-10 classes, alphabetical order otherwise. Images are resized to
 * {@code side x side} and streamed in batches of {@code batchSize}.
 */
public final class ImageFolderReader implements DatasetReader {

    private final Path root;
    private final int side;
    private final int batchSize;

    public ImageFolderReader(Path root, int side, int batchSize) {
        this.root = root;
        this.side = side;
        this.batchSize = batchSize;
    }

    @Override
    public String describe() {
        return "image folders at " + root;
    }

    @Override
    public void read(Split split, BatchSink sink) throws IOException {
        Listing listing = listing(split);
        List<Path> files = listing.files();
        for (int start = 0; start < files.size(); start += batchSize) {
            int end = Math.min(files.size(), start + batchSize);
            byte[] pixels = new byte[(end - start) * 3 * side * side];
            int[] batchLabels = new int[end - start];
            for (int i = start; i < end; i++) {
                byte[] chw = decode(files.get(i));
                System.arraycopy(chw, 0, pixels, (i - start) * chw.length, chw.length);
                batchLabels[i - start] = listing.labels().get(i);
            }
            sink.accept(new ImageBatch(listing.root() + "[" + start + ".." + end + ")", side, side, pixels,
                    batchLabels));
        }
    }

    /** Every image file is read or the ingest fails, so the listing's size is the split's. */
    @Override
    public long knownCount(Split split) throws IOException {
        return listing(split).files().size();
    }

    /** A split's image files in reading order, with their labels. */
    private record Listing(Path root, List<Path> files, List<Integer> labels) {}

    private Listing listing(Split split) throws IOException {
        Path splitRoot = Files.isDirectory(root.resolve(split.id())) ? root.resolve(split.id()) : root;
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        if (splitRoot.equals(root) && split == Split.TEST) {
            return new Listing(splitRoot, files, labels); // a flat layout holds training data only
        }
        List<Path> classes = classFolders(splitRoot);
        for (Path folder : classes) {
            int label = labelOf(folder.getFileName().toString(), classes);
            for (Path image : images(folder)) {
                files.add(image);
                labels.add(label);
            }
        }
        return new Listing(splitRoot, files, labels);
    }

    private byte[] decode(Path file) throws IOException {
        try {
            Images.Decoded image = Images.decode(Files.readAllBytes(file));
            return Resize.bilinear(image.chw(), image.height(), image.width(), side);
        } catch (IOException e) {
            throw new DatasetFormatException(file.toString(), "unreadable image: " + e.getMessage(), e);
        }
    }

    private List<Path> classFolders(Path splitRoot) throws IOException {
        if (!Files.isDirectory(splitRoot)) {
            throw new DatasetFormatException(splitRoot.toString(), "no such folder");
        }
        List<Path> folders;
        try (Stream<Path> children = Files.list(splitRoot)) {
            folders = children.filter(Files::isDirectory).sorted().toList();
        }
        if (folders.isEmpty()) {
            throw new DatasetFormatException(splitRoot.toString(),
                    "no class folders (expected one subfolder per class)");
        }
        return folders;
    }

    private static int labelOf(String folderName, List<Path> classes) {
        boolean allCifar = classes.stream()
                .allMatch(p -> CifarClasses.NAMES.contains(p.getFileName().toString().toLowerCase(Locale.ROOT)));
        if (allCifar) {
            return CifarClasses.NAMES.indexOf(folderName.toLowerCase(Locale.ROOT));
        }
        return classes.stream().map(p -> p.getFileName().toString()).toList().indexOf(folderName);
    }

    private static List<Path> images(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(ImageFolderReader::isImage)
                    .sorted(Comparator.comparing(Path::toString)).toList();
        }
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
    }
}
