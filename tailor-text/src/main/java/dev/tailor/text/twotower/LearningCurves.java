// SPDX-License-Identifier: Apache-2.0
package dev.tailor.text.twotower;

import dev.tailor.core.error.TailorException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes a {@link TwoTowerModel.LearningCurve} as CSV and as a small PNG (two panels: training and validation
 * loss; validation Recall@20 and NDCG@20), drawn with java.awt in headless mode so it runs on servers.
 */
public final class LearningCurves {
    private static final int W = 900;
    private static final int H = 360;

    private LearningCurves() {
    }

    public static void writeCsv(TwoTowerModel.LearningCurve curve, Path file) {
        try {
            createParent(file);
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("epoch,train_loss,valid_loss,valid_recall20,valid_ndcg20,millis,best\n");
                List<TwoTowerModel.Epoch> es = curve.epochs();
                for (int i = 0; i < es.size(); i++) {
                    TwoTowerModel.Epoch e = es.get(i);
                    w.write(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%d,%s%n", e.epoch(), num(e.trainLoss()),
                            num(e.validLoss()), num(e.validRecall20()), num(e.validNdcg20()), e.millis(),
                            i == curve.best()));
                }
            }
        } catch (IOException e) {
            throw new TailorException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }

    public static void writePng(TwoTowerModel.LearningCurve curve, Path file) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, W, H);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            List<TwoTowerModel.Epoch> es = curve.epochs();
            int n = es.size();
            double[] epochs = new double[n];
            double[][] loss = new double[2][n];
            double[][] acc = new double[2][n];
            for (int i = 0; i < n; i++) {
                TwoTowerModel.Epoch e = es.get(i);
                epochs[i] = e.epoch();
                loss[0][i] = e.trainLoss();
                loss[1][i] = e.validLoss();
                acc[0][i] = e.validRecall20();
                acc[1][i] = e.validNdcg20();
            }
            panel(g, 0, "loss (train: blue, validation: red)", epochs, loss, curve.best());
            panel(g, W / 2, "validation Recall@20 (blue), NDCG@20 (red)", epochs, acc, curve.best());
        } finally {
            g.dispose();
        }
        try {
            createParent(file);
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new TailorException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void panel(Graphics2D g, int x0, String title, double[] xs, double[][] series, int best) {
        int left = x0 + 60;
        int right = x0 + W / 2 - 20;
        int top = 30;
        int bottom = H - 40;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] s : series) {
            for (double v : s) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (!(min < max)) {
            min = Double.isFinite(min) ? min - 1 : 0;
            max = min + 2;
        }
        double xMax = xs.length == 0 ? 1 : Math.max(1, xs[xs.length - 1]);
        g.setColor(Color.BLACK);
        g.drawString(title, left, 18);
        g.drawRect(left, top, right - left, bottom - top);
        g.drawString(String.format(Locale.ROOT, "%.4g", max), x0 + 4, top + 10);
        g.drawString(String.format(Locale.ROOT, "%.4g", min), x0 + 4, bottom);
        g.drawString("0", left, bottom + 15);
        g.drawString("epoch " + (int) xMax, right - 50, bottom + 15);
        if (best >= 0 && best < xs.length) {
            g.setColor(Color.LIGHT_GRAY);
            int bx = left + (int) Math.round(xs[best] / xMax * (right - left));
            g.drawLine(bx, top, bx, bottom);
        }
        Color[] colors = {new Color(31, 119, 180), new Color(214, 39, 40)};
        g.setStroke(new BasicStroke(2f));
        for (int s = 0; s < series.length; s++) {
            g.setColor(colors[s]);
            int px = -1;
            int py = -1;
            for (int i = 0; i < xs.length; i++) {
                double v = series[s][i];
                if (!Double.isFinite(v)) {
                    px = -1;
                    continue;
                }
                int cx = left + (int) Math.round(xs[i] / xMax * (right - left));
                int cy = bottom - (int) Math.round((v - min) / (max - min) * (bottom - top));
                g.fillOval(cx - 2, cy - 2, 5, 5);
                if (px >= 0) {
                    g.drawLine(px, py, cx, cy);
                }
                px = cx;
                py = cy;
            }
        }
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
