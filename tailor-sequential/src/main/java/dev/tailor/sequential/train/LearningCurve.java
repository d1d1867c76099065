// SPDX-License-Identifier: Apache-2.0
package dev.tailor.sequential.train;

import dev.tailor.core.error.TailorException;
import dev.tailor.sequential.model.EpochStats;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes a training log as CSV and as a small PNG plot (training loss and validation NDCG@10 per epoch, each
 * scaled to its own range), drawn with java.awt so it works headless and needs no charting library.
 */
public final class LearningCurve {
    private static final int W = 640;
    private static final int H = 360;
    private static final int PAD = 40;

    private LearningCurve() {
    }

    public static void writeCsv(List<EpochStats> log, Path file) {
        StringBuilder sb = new StringBuilder("epoch,train_loss,valid_ndcg10,valid_hit10,wall_s,cpu_s\n");
        for (EpochStats e : log) {
            sb.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.3f,%.3f%n", e.epoch(), e.trainLoss(),
                    e.validNdcg10(), e.validHit10(), e.wallSeconds(), e.cpuSeconds()));
        }
        try {
            Files.writeString(file, sb, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write learning curve " + file, e);
        }
    }

    public static void writePng(List<EpochStats> log, Path file) {
        if (log.isEmpty()) {
            throw new TailorException("no epochs to plot for " + file);
        }
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, W, H);
            g.setColor(Color.GRAY);
            g.drawRect(PAD, PAD, W - 2 * PAD, H - 2 * PAD);
            double[] loss = new double[log.size()];
            double[] ndcg = new double[log.size()];
            for (int i = 0; i < log.size(); i++) {
                loss[i] = log.get(i).trainLoss();
                ndcg[i] = log.get(i).validNdcg10();
            }
            g.setStroke(new BasicStroke(2f));
            String lossRange = series(g, loss, new Color(200, 60, 40));
            String ndcgRange = series(g, ndcg, new Color(40, 90, 200));
            g.setColor(new Color(200, 60, 40));
            g.drawString("train loss " + lossRange, PAD, PAD - 20);
            g.setColor(new Color(40, 90, 200));
            g.drawString("valid NDCG@10 " + ndcgRange, PAD, PAD - 6);
            g.setColor(Color.DARK_GRAY);
            g.drawString("epoch 1 .. " + log.size(), W / 2 - 30, H - 12);
        } finally {
            g.dispose();
        }
        try {
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write learning curve " + file, e);
        }
    }

    /** Draws one series scaled to the plot box; returns its "[min, max]" label. */
    private static String series(Graphics2D g, double[] y, Color color) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (!(max >= min)) {
            return "[none]";
        }
        double span = max > min ? max - min : 1;
        g.setColor(color);
        int px = -1;
        int py = -1;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                continue;
            }
            int x = PAD + (int) Math.round((W - 2.0 * PAD) * (y.length == 1 ? 0.5 : i / (y.length - 1.0)));
            int yy = H - PAD - (int) Math.round((H - 2.0 * PAD) * (y[i] - min) / span);
            if (px >= 0) {
                g.drawLine(px, py, x, yy);
            }
            g.fillOval(x - 2, yy - 2, 5, 5);
            px = x;
            py = yy;
        }
        return String.format(Locale.ROOT, "[%.4f, %.4f]", min, max);
    }
}
