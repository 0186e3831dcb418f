package dev.squeezepipe.cli;

import dev.squeezepipe.data.CifarClasses;
import dev.squeezepipe.data.DatasetFormat;
import dev.squeezepipe.data.DatasetReader;
import dev.squeezepipe.data.DatasetReaders;
import dev.squeezepipe.data.Split;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Reads a dataset end to end and prints what it holds: images per split and per class, first labels. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Read a dataset with the shared readers and print its counts.")
final class InspectCommand implements Callable<Integer> {

    @Mixin
    DataOption dataOption;

    @Option(names = "--format", defaultValue = "auto", description = "auto, python, binary or folder")
    String format;

    @Override
    public Integer call() throws Exception {
        DatasetReader reader = DatasetReaders.open(dataOption.data, DatasetFormat.parse(format), CifarClasses.SIDE);
        System.out.println(reader.describe());
        for (Split split : Split.values()) {
            long start = System.nanoTime();
            int[] perClass = new int[CifarClasses.NAMES.size()];
            int[] first = new int[0];
            long[] total = {0};
            int[][] firstHolder = {first};
            reader.read(split, batch -> {
                if (total[0] == 0) {
                    firstHolder[0] = Arrays.copyOf(batch.labels(), Math.min(10, batch.count()));
                }
                for (int label : batch.labels()) {
                    perClass[Math.min(label, perClass.length - 1)]++;
                }
                total[0] += batch.count();
            });
            System.out.printf("%-5s %,7d images in %.1f s; per class %s; first labels %s%n", split.id(), total[0],
                    (System.nanoTime() - start) / 1e9, Arrays.toString(perClass), Arrays.toString(firstHolder[0]));
        }
        return 0;
    }
}
