package dev.reel.highlights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Where clips go around highlights, which highlights are kept, and what clips are called. */
final class ClipPlacement {
  private ClipPlacement() {}

  /**
   * The clip of a detection: {@code pre} before its peak, {@code length} long, moved to stay inside
   * the file (and shortened only when the file is shorter than a clip).
   */
  static double[] place(Detection d, double length, double pre, double duration) {
    double start = d.peakSeconds() - pre;
    double end = start + length;
    if (start < 0) {
      start = 0;
      end = Math.min(length, duration);
    }
    if (end > duration) {
      end = duration;
      start = Math.max(0, duration - length);
    }
    return new double[] {start, end};
  }

  /** The best {@code max} by score (all when 0), back in time order. */
  static List<Detection> best(List<Detection> all, int max) {
    if (max <= 0 || all.size() <= max) {
      return all;
    }
    List<Detection> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
    List<Detection> kept = new ArrayList<>(sorted.subList(0, max));
    kept.sort(Comparator.comparingDouble(Detection::startSeconds));
    return kept;
  }

  /** {@code 01h23m45s_-6.2dB_003.mp4}: names sort by time and carry the level. */
  static String name(Highlight h, String ext) {
    long s = (long) Math.floor(h.clipStart());
    return String.format(
        Locale.ROOT,
        "%02dh%02dm%02ds_%.1fdB_%03d.%s",
        s / 3600,
        s / 60 % 60,
        s % 60,
        h.detection().peakDb(),
        h.number(),
        ext);
  }

  /** The loudest window of each of at most {@code columns} equal slices, for pictures. */
  static float[] reduce(float[] levels, int columns) {
    if (levels.length <= columns) {
      return levels.clone();
    }
    float[] out = new float[columns];
    for (int c = 0; c < columns; c++) {
      int from = (int) ((long) levels.length * c / columns);
      int to = (int) ((long) levels.length * (c + 1) / columns);
      float max = -Float.MAX_VALUE;
      for (int i = from; i < Math.max(to, from + 1); i++) {
        max = Math.max(max, levels[i]);
      }
      out[c] = max;
    }
    return out;
  }
}
