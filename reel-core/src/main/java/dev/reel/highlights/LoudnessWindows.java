package dev.reel.highlights;

import dev.reel.media.AudioDecoder;

/**
 * Turns a stream of mono samples into one level per window: the RMS of the window's samples in dBFS
 * ({@code 20 log10(rms)}, with a floor of {@value #FLOOR_DB} dB for silence), the seed tool's
 * definition; or with {@link LoudnessMeasure#LUFS} the EBU R128 momentary loudness at the window's
 * end (the K-weighted mean square of the last 400 ms, {@code -0.691 + 10 log10(z)} LUFS). Only the
 * levels are kept (4 bytes per window: 3 hours of 30 ms windows are 1.4 MB), never the samples.
 */
final class LoudnessWindows implements AudioDecoder.Blocks {
  static final double FLOOR_DB = -60;
  static final double MOMENTARY_SECONDS = 0.4;
  private final int windowSamples;
  private final KWeighting weighting;
  private final double[] momentary;
  private int momentaryAt;
  private int momentaryFilled;
  private double momentarySum;
  private float[] levels = new float[1024];
  private int count;
  private double sumSquares;
  private int inWindow;

  LoudnessWindows(int windowSamples) {
    this(windowSamples, LoudnessMeasure.RMS, 0);
  }

  /**
   * @param sampleRate the samples' rate (for the K-weighting filter and the 400 ms span)
   */
  LoudnessWindows(int windowSamples, LoudnessMeasure measure, int sampleRate) {
    if (windowSamples < 1) {
      throw new IllegalArgumentException("a window must hold at least one sample");
    }
    this.windowSamples = windowSamples;
    if (measure == LoudnessMeasure.LUFS) {
      weighting = new KWeighting(sampleRate);
      momentary =
          new double[Math.max(1, (int) Math.round(MOMENTARY_SECONDS * sampleRate / windowSamples))];
    } else {
      weighting = null;
      momentary = null;
    }
  }

  /** How many windows a momentary level spans (1 for RMS). */
  int span() {
    return momentary == null ? 1 : momentary.length;
  }

  @Override
  public void accept(long first, float[] samples, int n) {
    int i = 0;
    while (i < n) {
      // a tight loop to the end of the window or the block, then the window's level
      int end = Math.min(n, i + (windowSamples - inWindow));
      double sum = sumSquares;
      if (weighting == null) {
        for (int j = i; j < end; j++) {
          double s = samples[j];
          sum += s * s;
        }
      } else {
        for (int j = i; j < end; j++) {
          double s = weighting.next(samples[j]);
          sum += s * s;
        }
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
    if (momentary == null) {
      levels[count++] = (float) toDb(meanSquare);
      return;
    }
    momentarySum += meanSquare - momentary[momentaryAt];
    momentary[momentaryAt] = meanSquare;
    momentaryAt = (momentaryAt + 1) % momentary.length;
    momentaryFilled = Math.min(momentary.length, momentaryFilled + 1);
    double z = Math.max(0, momentarySum) / momentaryFilled;
    levels[count++] = (float) (z <= 0 ? FLOOR_DB : Math.max(FLOOR_DB, -0.691 + 10 * Math.log10(z)));
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
