package dev.reel.highlights;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The loudness over time as a picture: the level of each slice of the recording (its loudest
 * window), the threshold as a line, the highlights shaded and numbered. SVG for the review page
 * (each highlight a clickable shape) and PNG for chat and issue trackers.
 */
final class LoudnessPicture {
  static final int WIDTH = 1200;
  static final int HEIGHT = 260;
  static final int LEFT = 44;
  static final int BOTTOM = 24;
  static final double LOW_DB = LoudnessWindows.FLOOR_DB;

  private LoudnessPicture() {}

  private static double x(double seconds, double duration) {
    return LEFT + (WIDTH - LEFT - 8) * (duration <= 0 ? 0 : Math.min(1, seconds / duration));
  }

  private static double y(double db) {
    double d = Math.max(LOW_DB, Math.min(0, db));
    return 8 + (HEIGHT - BOTTOM - 8) * (d / LOW_DB);
  }

  static String svg(FileHighlights f) {
    double dur = f.durationSeconds();
    float[] p = f.picture();
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"loudness\" viewBox=\"0 0 %d %d\""
                + " width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT));
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
    for (int db = 0; db >= LOW_DB; db -= 12) {
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/><text x=\"4\" y=\"%.1f\" fill=\"#888\">%d dB</text>%n",
              LEFT,
              WIDTH - 8,
              y(db),
              y(db),
              y(db) + 4,
              db));
    }
    for (Highlight h : f.highlights()) {
      double x0 = x(h.detection().startSeconds(), dur);
      double x1 = Math.max(x0 + 2, x(h.detection().endSeconds(), dur));
      b.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"hl\" data-n=\"%d\" x=\"%.1f\" y=\"8\" width=\"%.1f\" height=\"%d\" fill=\"#f4a261\" fill-opacity=\"0.45\"><title>highlight %d at %s, %.1f dB</title></rect>%n",
              h.number(),
              x0,
              x1 - x0,
              HEIGHT - BOTTOM - 8,
              h.number(),
              clock(h.detection().peakSeconds()),
              h.detection().peakDb()));
    }
    if (p.length > 0) {
      b.append(
          "<polyline class=\"level\" fill=\"none\" stroke=\"#264653\" stroke-width=\"1\" points=\"");
      for (int i = 0; i < p.length; i++) {
        double t = (i + 0.5) * dur / p.length;
        b.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(t, dur), y(p[i])));
      }
      b.append("\"/>\n");
    }
    b.append(
        String.format(
            Locale.ROOT,
            "<line class=\"threshold\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e63946\" stroke-dasharray=\"6 4\"/><text x=\"%d\" y=\"%.1f\" fill=\"#e63946\">threshold %.1f dB%s</text>%n",
            LEFT,
            WIDTH - 8,
            y(f.thresholdDb()),
            y(f.thresholdDb()),
            WIDTH - 190,
            y(f.thresholdDb()) - 4,
            f.thresholdDb(),
            f.automatic() ? " (auto)" : ""));
    int ticks = 6;
    for (int i = 0; i <= ticks; i++) {
      double t = dur * i / ticks;
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" fill=\"#888\" text-anchor=\"middle\">%s</text>%n",
              x(t, dur),
              HEIGHT - 6,
              clock(t)));
    }
    b.append("</svg>\n");
    return b.toString();
  }

  static byte[] png(FileHighlights f) throws IOException {
    BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      double dur = f.durationSeconds();
      g.setColor(new Color(0xf4, 0xa2, 0x61, 115));
      for (Highlight h : f.highlights()) {
        int x0 = (int) x(h.detection().startSeconds(), dur);
        int x1 = Math.max(x0 + 2, (int) x(h.detection().endSeconds(), dur));
        g.fillRect(x0, 8, x1 - x0, HEIGHT - BOTTOM - 8);
      }
      g.setColor(new Color(0x88, 0x88, 0x88));
      for (int db = 0; db >= LOW_DB; db -= 12) {
        g.drawString(db + " dB", 4, (int) y(db) + 4);
      }
      float[] p = f.picture();
      if (p.length > 0) {
        Path2D.Double line = new Path2D.Double();
        for (int i = 0; i < p.length; i++) {
          double t = (i + 0.5) * dur / p.length;
          if (i == 0) {
            line.moveTo(x(t, dur), y(p[i]));
          } else {
            line.lineTo(x(t, dur), y(p[i]));
          }
        }
        g.setColor(new Color(0x26, 0x46, 0x53));
        g.draw(line);
      }
      g.setColor(new Color(0xe6, 0x39, 0x46));
      g.setStroke(
          new BasicStroke(
              1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
      int ty = (int) y(f.thresholdDb());
      g.drawLine(LEFT, ty, WIDTH - 8, ty);
      g.drawString(
          String.format(Locale.ROOT, "threshold %.1f dB", f.thresholdDb()), WIDTH - 190, ty - 4);
      g.setColor(new Color(0x88, 0x88, 0x88));
      for (int i = 0; i <= 6; i++) {
        double t = dur * i / 6;
        g.drawString(clock(t), (int) x(t, dur) - 20, HEIGHT - 6);
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
