package dev.reel.render;

import dev.reel.media.Overlay;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;

/**
 * Draws a title card: the text in white, bold, centred on a translucent dark band across the middle
 * of the picture, as an {@link Overlay} of the output's size. The font is Open Sans Bold, shipped
 * in the jar (Apache-2.0), so that titles need no fonts on the machine; text it has no glyphs for
 * (CJK, for one) is drawn with the system's sans-serif font.
 */
public final class TitleCard {
  private static final String FONT = "OpenSans-Bold.ttf";

  private TitleCard() {}

  /**
   * @param seconds how long it shows from the segment's start (faded in and out over 0.3 s)
   * @throws IllegalArgumentException with a one-line message when the text cannot be drawn
   */
  public static Overlay of(String text, int width, int height, double seconds) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("--title needs some text");
    }
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    try {
      Graphics2D g = image.createGraphics();
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      Font font = font(text).deriveFont(Font.BOLD, (float) Math.max(12, height / 11.0));
      FontMetrics m = g.getFontMetrics(font);
      // shrink until the line fits in 90% of the width
      while (m.stringWidth(text) > width * 0.9 && font.getSize2D() > 8) {
        font = font.deriveFont(font.getSize2D() * 0.9f);
        m = g.getFontMetrics(font);
      }
      int band = (int) Math.round(m.getHeight() * 1.6);
      int top = (height - band) / 2;
      g.setComposite(AlphaComposite.Src);
      g.setColor(new Color(0, 0, 0, 150));
      g.fillRect(0, top, width, band);
      g.setComposite(AlphaComposite.SrcOver);
      g.setFont(font);
      g.setColor(Color.WHITE);
      int x = (width - m.stringWidth(text)) / 2;
      int y = top + (band - m.getHeight()) / 2 + m.getAscent();
      g.drawString(text, x, y);
      g.dispose();
    } catch (RuntimeException | Error e) {
      throw new IllegalArgumentException(
          "cannot draw the title (" + e + "): this Java has no working font support", e);
    }
    return yuv(image, seconds);
  }

  private static Font font(String text) {
    try (InputStream in = TitleCard.class.getResourceAsStream(FONT)) {
      if (in != null) {
        Font shipped = Font.createFont(Font.TRUETYPE_FONT, in);
        if (shipped.canDisplayUpTo(text) == -1) {
          return shipped;
        }
      }
    } catch (IOException | FontFormatException e) {
      // fall through to the system's font
    }
    return new Font(Font.SANS_SERIF, Font.BOLD, 12);
  }

  /** BT.709 limited-range yuv420p planes and coverage of an ARGB picture. */
  static Overlay yuv(BufferedImage image, double seconds) {
    int w = image.getWidth();
    int h = image.getHeight();
    int hw = w / 2;
    int hh = h / 2;
    byte[] y = new byte[w * h];
    byte[] alpha = new byte[w * h];
    byte[] u = new byte[hw * hh];
    byte[] v = new byte[hw * hh];
    byte[] alphaHalf = new byte[hw * hh];
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    for (int i = 0; i < argb.length; i++) {
      int p = argb[i];
      double r = (p >> 16 & 0xff) / 255.0;
      double gr = (p >> 8 & 0xff) / 255.0;
      double b = (p & 0xff) / 255.0;
      y[i] = (byte) Math.round(16 + 219 * (0.2126 * r + 0.7152 * gr + 0.0722 * b));
      alpha[i] = (byte) (p >>> 24);
    }
    for (int cy = 0; cy < hh; cy++) {
      for (int cx = 0; cx < hw; cx++) {
        double r = 0;
        double gr = 0;
        double b = 0;
        int a = 0;
        for (int dy = 0; dy < 2; dy++) {
          for (int dx = 0; dx < 2; dx++) {
            int p = argb[(cy * 2 + dy) * w + cx * 2 + dx];
            r += (p >> 16 & 0xff) / 255.0;
            gr += (p >> 8 & 0xff) / 255.0;
            b += (p & 0xff) / 255.0;
            a += p >>> 24;
          }
        }
        r /= 4;
        gr /= 4;
        b /= 4;
        double luma = 0.2126 * r + 0.7152 * gr + 0.0722 * b;
        int at = cy * hw + cx;
        u[at] = (byte) Math.round(128 + 224 * (b - luma) / 1.8556);
        v[at] = (byte) Math.round(128 + 224 * (r - luma) / 1.5748);
        alphaHalf[at] = (byte) (a / 4);
      }
    }
    return new Overlay(w, h, y, u, v, alpha, alphaHalf, 0, seconds, Math.min(0.3, seconds / 4));
  }
}
