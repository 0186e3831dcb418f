package dev.squeezepipe.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.squeezepipe.data.ImageBatch;
import dev.squeezepipe.preprocess.PreprocessSpec;
import dev.squeezepipe.preprocess.Preprocessor;
import dev.squeezepipe.spec.DesignSpace;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TestScorerTest {

    @Test
    void tiedLogitsDoNotCountAsHits() {
        float[] allZero = new float[10];
        assertEquals(9, TestScorer.rank(allZero, 0, 10, 9), "a true class tied with nine others ranks last");
        assertEquals(0, TestScorer.rank(allZero, 0, 10, 0), "ties break by class index");
        float[] logits = {0, 3, 1, 0, 0, 2, 0, 0, 0, 0};
        assertEquals(0, TestScorer.rank(logits, 0, 10, 1));
        assertEquals(2, TestScorer.rank(logits, 0, 10, 2));
        assertEquals(3, TestScorer.rank(logits, 0, 10, 0));
    }

    @Test
    void flipAveragedScoresAreTheSameForImagesAndTheirMirrors() throws Exception {
        SqueezeNetConfig config = new SqueezeNetConfig(ModelVariant.parse("cifar-bn-linear-head"), 10, 32,
                DesignSpace.DEFAULT);
        NamedSequentialBlock net = SqueezeNet.build(config);
        Random random = new Random(7);
        int count = 40;
        byte[] pixels = new byte[count * 3 * 32 * 32];
        random.nextBytes(pixels);
        int[] labels = random.ints(count, 0, 10).toArray();
        ImageBatch images = new ImageBatch("random", 32, 32, pixels, labels);
        ImageBatch mirrors = new ImageBatch("mirrored", 32, 32, mirrored(pixels, count), labels);
        Preprocessor preprocessor = new Preprocessor(PreprocessSpec.recipe(32, false));
        try (NDManager manager = NDManager.newBaseManager()) {
            net.initialize(manager, DataType.FLOAT32, SqueezeNet.inputShape(config, 1));
            TestScores flipped = TestScorer.score(net, images, preprocessor, 16, 10, true);
            TestScores flippedMirrors = TestScorer.score(net, mirrors, preprocessor, 16, 10, true);
            assertEquals(flipped.meanLoss(), flippedMirrors.meanLoss(), 1e-5, "an image and its mirror, averaged");
            assertEquals(flipped.top1(), flippedMirrors.top1());
            assertArrayEquals(flipped.confusion(), flippedMirrors.confusion());
            TestScores plain = TestScorer.score(net, images, preprocessor, 16, 10);
            TestScores plainMirrors = TestScorer.score(net, mirrors, preprocessor, 16, 10);
            assertNotEquals(plain.meanLoss(), plainMirrors.meanLoss(), 1e-5,
                    "a net alone tells an image from its mirror");
        }
    }

    private static byte[] mirrored(byte[] chw, int count) {
        byte[] out = new byte[chw.length];
        for (int row = 0; row < count * 3 * 32; row++) {
            for (int x = 0; x < 32; x++) {
                out[row * 32 + x] = chw[row * 32 + 31 - x];
            }
        }
        return out;
    }
}
