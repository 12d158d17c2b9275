package dev.reel.highlights;

import java.time.Duration;

/**
 * The detection rules' parameters: a window counts when it is above {@code thresholdDb} and either
 * sustained ({@code sustainK} of the last {@code sustainN} windows above), a spike ({@code spikeDb}
 * over the threshold) or a jump ({@code jumpDb} over the rolling average of the last {@code
 * rolling}); detections closer than {@code minGap} merge.
 */
public record DetectorSettings(
    double thresholdDb,
    int sustainK,
    int sustainN,
    double spikeDb,
    double jumpDb,
    Duration rolling,
    Duration minGap) {

  public DetectorSettings {
    if (thresholdDb > 0) {
      throw new IllegalArgumentException(
          "threshold " + thresholdDb + " dBFS is above full scale: levels are at most 0 dBFS");
    }
    if (sustainN < 1 || sustainK < 1 || sustainK > sustainN) {
      throw new IllegalArgumentException(
          "sustain " + sustainK + " of " + sustainN + ": need 1 <= k <= n");
    }
    if (rolling.isNegative() || rolling.isZero() || minGap.isNegative()) {
      throw new IllegalArgumentException("rolling and min-gap durations must be positive");
    }
  }

  /** The seed tool's rules at a given threshold: 3 of 5, +3 dB spike, +6 dB over 3 s, 2 s gap. */
  public static DetectorSettings seed(double thresholdDb) {
    return new DetectorSettings(
        thresholdDb, 3, 5, 3, 6, Duration.ofSeconds(3), Duration.ofSeconds(2));
  }
}
