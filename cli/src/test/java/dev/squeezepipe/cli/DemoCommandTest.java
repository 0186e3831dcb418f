package dev.squeezepipe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.squeezepipe.testing.CifarFixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** ./pipeline demo end to end on a small budget: all four services on the embedded stack. */
class DemoCommandTest {

    private static final Pattern RESULT = Pattern.compile(
            "\\{\"top1\":([0-9.]+),\"top5\":([0-9.]+),\"seconds\":([0-9.]+),\"grid\":\"([^\"]+)\"}");

    @TempDir
    Path dir;

    @Test
    void demoTrainsEvaluatesServesAndDrawsTheGrid() throws Exception {
        Path grid = dir.resolve("grid.png");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = new CommandLine(new PipelineCli()).execute("demo",
                    "--data", CifarFixtures.sharedArchive().toString(), "--limit", "400", "--epochs", "2",
                    "--out", grid.toString());
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, output);
        List<String> lines = output.lines().toList();
        Matcher json = RESULT.matcher(lines.get(lines.size() - 1));
        assertTrue(json.matches(), "the last line is the JSON result: " + lines.get(lines.size() - 1));
        double top1 = Double.parseDouble(json.group(1));
        double top5 = Double.parseDouble(json.group(2));
        assertTrue(top1 >= 0 && top1 <= top5 && top5 <= 1, top1 + " / " + top5);
        assertTrue(Double.parseDouble(json.group(3)) < 600, "under 10 minutes");
        assertEquals(grid.toString(), json.group(4));
        BufferedImage picture = ImageIO.read(grid.toFile());
        assertEquals(8 * (128 + 8) + 8, picture.getWidth());
        assertEquals(4 * (128 + 16 + 8) + 8, picture.getHeight(), "32 test images in 4 rows");
    }
}
