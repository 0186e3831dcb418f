package dev.squeezepipe.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.squeezepipe.testing.CifarFixtures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The python-release reader on the shared CIFAR-10 archive itself. */
class SharedArchiveReaderTest {

    @Test
    void readsFiftyThousandTrainAndTenThousandBalancedTestImages() throws IOException {
        DatasetReader reader = DatasetReaders.open(CifarFixtures.sharedArchive(), DatasetFormat.AUTO, 32);
        List<String> sources = new ArrayList<>();
        int[] firstLabels = new int[10];
        long[] train = {0};
        reader.read(Split.TRAIN, batch -> {
            if (train[0] == 0) {
                System.arraycopy(batch.labels(), 0, firstLabels, 0, 10);
            }
            sources.add(batch.source().replaceFirst(".*!", ""));
            train[0] += batch.count();
        });
        assertEquals(50_000, train[0]);
        assertEquals(List.of("data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5"), sources);
        assertArrayEquals(new int[] {4, 4, 0, 8, 6, 6, 7, 5, 4, 2}, firstLabels);

        int[] perClass = new int[10];
        reader.read(Split.TEST, batch -> {
            for (int label : batch.labels()) {
                perClass[label]++;
            }
            assertEquals(32, batch.height());
        });
        assertArrayEquals(new int[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}, perClass);
    }
}
