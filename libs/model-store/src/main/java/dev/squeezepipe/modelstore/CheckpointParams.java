package dev.squeezepipe.modelstore;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import dev.squeezepipe.storage.Files2;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads checkpoint bytes (a DJL .params file, properties included) into a model whose block is set. */
public final class CheckpointParams {

    /** Name DJL gives the parameter files of this project's checkpoints. */
    public static final String MODEL_NAME = "squeezenet";

    private CheckpointParams() {}

    /** Loads {@code params} into {@code model}; {@link CheckpointLoader} verifies them first. */
    static void load(Model model, byte[] params) throws IOException, MalformedModelException {
        Path dir = Files.createTempDirectory("restore-");
        try {
            // DJL looks for <name>-<epoch>.params; with one file in the folder the number only has to parse
            Files.write(dir.resolve(MODEL_NAME + "-0000.params"), params);
            model.load(dir, MODEL_NAME);
        } finally {
            Files2.deleteTree(dir);
        }
    }
}
