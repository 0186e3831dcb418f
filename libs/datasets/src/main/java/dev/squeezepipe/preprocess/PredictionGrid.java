package dev.squeezepipe.preprocess;

import dev.squeezepipe.data.CifarClasses;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The tutorial's picture: test images in a grid, each titled {@code predict:<class>}, blue when the prediction
 * is right and red when it is wrong.
 */
public final class PredictionGrid {

    /** One cell: the image (uint8 CHW), its true label and the predicted one. */
    public record Cell(byte[] chw, int height, int width, int label, int predicted) {}

    private static final int COLUMNS = 8;
    private static final int SCALE = 4; // 128-px cells: room for the longest title, predict:automobile
    private static final int TITLE = 16;
    private static final Color RIGHT = new Color(0x1f, 0x4e, 0xd8);
    private static final Color WRONG = new Color(0xd8, 0x1f, 0x1f);

    private PredictionGrid() {}

    /** Renders {@code cells} (row by row, 8 per row) as a PNG. */
    public static byte[] png(List<Cell> cells) throws IOException {
        int cellWidth = cells.isEmpty() ? 128 : cells.get(0).width() * SCALE;
        int cellHeight = cells.isEmpty() ? 128 : cells.get(0).height() * SCALE;
        int rows = Math.max(1, (cells.size() + COLUMNS - 1) / COLUMNS);
        int pad = 8;
        BufferedImage grid = new BufferedImage(COLUMNS * (cellWidth + pad) + pad,
                rows * (cellHeight + TITLE + pad) + pad, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            int x = pad + (i % COLUMNS) * (cellWidth + pad);
            int y = pad + (i / COLUMNS) * (cellHeight + TITLE + pad);
            g.setColor(cell.label() == cell.predicted() ? RIGHT : WRONG);
            g.drawString("predict:" + CifarClasses.name(cell.predicted()), x, y + TITLE - 4);
            g.drawImage(Images.fromChw(cell.chw(), cell.height(), cell.width()), x, y + TITLE, cellWidth, cellHeight,
                    null);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(grid, "png", out);
        return out.toByteArray();
    }
}
