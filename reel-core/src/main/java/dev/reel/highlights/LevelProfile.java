package dev.reel.highlights;

import java.util.Arrays;
import java.util.Objects;

/**
 * A recording's loudness over time: one level (dBFS) per window, with the statistics that choose a
 * threshold.
 *
 * <p>The automatic threshold follows the recording, not an absolute level: an absolute level finds
 * nothing in a quiet recording and everything in a loud one. It is the recording's typical level
 * (the median window) plus three times its spread (the interquartile range over 1.35, which is the
 * standard deviation of a normal distribution), and at least 6 dB over the median: a steady
 * recording needs a clearly louder moment, a lively one a much louder one. It is never above the
 * loudest window minus 1 dB, so the loudest moment always counts. A percentile would fail when the
 * loud moments are more than its share of the recording. Conservative: median + max(9 dB, 4
 * spreads); aggressive: median + max(4 dB, 2 spreads).
 */
public record LevelProfile(double windowSeconds, float[] levels) {
  public LevelProfile {
    Objects.requireNonNull(levels, "levels");
    if (!(windowSeconds > 0)) {
      throw new IllegalArgumentException("window (" + windowSeconds + "s) must be positive");
    }
  }

  /** Summary statistics of the levels, and three threshold suggestions. */
  public record Stats(
      int windows,
      double meanDb,
      double p10,
      double p50,
      double p90,
      double p95,
      double p99,
      double maxDb,
      double conservative,
      double balanced,
      double aggressive) {}

  public double durationSeconds() {
    return levels.length * windowSeconds;
  }

  public Stats stats() {
    if (levels.length == 0) {
      double f = LoudnessWindows.FLOOR_DB;
      return new Stats(0, f, f, f, f, f, f, f, f, f, f);
    }
    float[] sorted = levels.clone();
    Arrays.sort(sorted);
    double sumPower = 0;
    for (float l : levels) {
      sumPower += Math.pow(10, l / 10.0);
    }
    double mean = LoudnessWindows.toDb(sumPower / levels.length); // the mean power, in dB
    double p50 = percentile(sorted, 50);
    double max = sorted[sorted.length - 1];
    double spread = (percentile(sorted, 75) - percentile(sorted, 25)) / 1.35;
    return new Stats(
        levels.length,
        mean,
        percentile(sorted, 10),
        p50,
        percentile(sorted, 90),
        percentile(sorted, 95),
        percentile(sorted, 99),
        max,
        suggestion(p50, Math.max(9, 4 * spread), max),
        suggestion(p50, Math.max(6, 3 * spread), max),
        suggestion(p50, Math.max(4, 2 * spread), max));
  }

  /** The automatic threshold (the balanced suggestion). */
  public double autoThreshold() {
    return stats().balanced();
  }

  private static double suggestion(double median, double above, double max) {
    return Math.min(median + above, max - 1);
  }

  static double percentile(float[] sorted, double pct) {
    if (sorted.length == 0) {
      return LoudnessWindows.FLOOR_DB;
    }
    double rank = pct / 100 * (sorted.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LevelProfile p
        && p.windowSeconds == windowSeconds
        && Arrays.equals(p.levels, levels);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(windowSeconds) * 31 + Arrays.hashCode(levels);
  }

  @Override
  public String toString() {
    return "LevelProfile[" + levels.length + " windows of " + windowSeconds + "s]";
  }
}
