package dev.reel.highlights;

import dev.reel.media.AudioDecoder;

/**
 * Turns a stream of mono samples into one level per window: the RMS of the window's samples in dBFS
 * ({@code 20 log10(rms)}, with a floor of {@value #FLOOR_DB} dB for silence), the seed tool's
 * definition. Only the levels are kept (4 bytes per window: 3 hours of 30 ms windows are 1.4 MB),
 * never the samples.
 */
final class LoudnessWindows implements AudioDecoder.Blocks {
  static final double FLOOR_DB = -60;
  private final int windowSamples;
  private float[] levels = new float[1024];
  private int count;
  private double sumSquares;
  private int inWindow;

  LoudnessWindows(int windowSamples) {
    if (windowSamples < 1) {
      throw new IllegalArgumentException("a window must hold at least one sample");
    }
    this.windowSamples = windowSamples;
  }

  @Override
  public void accept(long first, float[] samples, int n) {
    int i = 0;
    while (i < n) {
      // a tight loop to the end of the window or the block, then the window's level
      int end = Math.min(n, i + (windowSamples - inWindow));
      double sum = sumSquares;
      for (int j = i; j < end; j++) {
        double s = samples[j];
        sum += s * s;
      }
      inWindow += end - i;
      i = end;
      if (inWindow == windowSamples) {
        add(sum / windowSamples);
        sumSquares = 0;
        inWindow = 0;
      } else {
        sumSquares = sum;
      }
    }
  }

  private void add(double meanSquare) {
    if (count == levels.length) {
      levels = java.util.Arrays.copyOf(levels, levels.length * 2);
    }
    levels[count++] = (float) toDb(meanSquare);
  }

  static double toDb(double meanSquare) {
    if (meanSquare <= 0) {
      return FLOOR_DB;
    }
    return Math.max(FLOOR_DB, 10 * Math.log10(meanSquare)); // 20 log10(rms) = 10 log10(rms^2)
  }

  /** The levels so far; a last partial window counts when it holds at least half a window. */
  float[] finish() {
    if (inWindow >= windowSamples / 2 && inWindow > 0) {
      add(sumSquares / inWindow);
      inWindow = 0;
      sumSquares = 0;
    }
    return java.util.Arrays.copyOf(levels, count);
  }
}
