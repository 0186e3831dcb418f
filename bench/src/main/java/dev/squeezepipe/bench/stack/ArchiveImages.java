package dev.squeezepipe.bench.stack;

import dev.squeezepipe.data.DatasetFormat;
import dev.squeezepipe.data.DatasetReaders;
import dev.squeezepipe.data.Split;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Request images as a client sends them: raw 32x32 CHW images from the test split of a CIFAR-10 archive. */
public final class ArchiveImages {

    private ArchiveImages() {}

    /** The first {@code count} test images of {@code data}, in the archive's order. */
    public static List<byte[]> test(Path data, int count) throws IOException {
        List<byte[]> images = new ArrayList<>();
        DatasetReaders.open(data, DatasetFormat.AUTO, 32).read(Split.TEST, batch -> {
            for (int i = 0; i < batch.count() && images.size() < count; i++) {
                images.add(batch.image(i));
            }
        });
        return images;
    }
}
