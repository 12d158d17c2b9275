package dev.reel.highlights;

import dev.reel.media.ClipCutter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to analyse and cut.
 *
 * @param measure RMS dBFS or momentary LUFS
 * @param thresholdDb an absolute threshold in dBFS (LUFS with that measure), or null for the
 *     automatic one
 * @param clips how clips are placed and cut, or null for no clips (the index and pictures only)
 * @param maxClips the most highlights kept per file (best by score), 0 for all
 * @param top the most highlights kept over the whole batch (best by score), 0 for no limit
 * @param workers files analysed at once
 * @param parts ranges of one long file decoded at once
 */
public record HighlightsRequest(
    List<Path> inputs,
    Path out,
    Duration window,
    LoudnessMeasure measure,
    Double thresholdDb,
    Rules rules,
    Clips clips,
    int maxClips,
    int top,
    int workers,
    int parts) {

  /** The detection rules' parameters, less the threshold (which may depend on the file). */
  public record Rules(
      int sustainK, int sustainN, double spikeDb, double jumpDb, Duration rolling, Duration minGap)
      implements java.io.Serializable {
    public static final Rules SEED =
        new Rules(3, 5, 3, 6, Duration.ofSeconds(3), Duration.ofSeconds(2));

    DetectorSettings at(double thresholdDb) {
      return new DetectorSettings(
          thresholdDb, sustainK, sustainN, spikeDb, jumpDb, rolling, minGap);
    }
  }

  /**
   * How clips are made.
   *
   * @param length each clip's length
   * @param pre how much of it comes before the highlight's peak
   * @param cutWorkers clips cut at once
   * @param timeout the time one cut may take
   * @param overwrite whether existing clips are replaced
   */
  public record Clips(
      Duration length,
      Duration pre,
      ClipCutter.Mode mode,
      int cutWorkers,
      Duration timeout,
      boolean overwrite)
      implements java.io.Serializable {
    public Clips {
      Objects.requireNonNull(mode, "mode");
      if (length.isNegative() || length.isZero()) {
        throw new IllegalArgumentException("--clip-length must be positive");
      }
      if (pre.isNegative() || pre.compareTo(length) > 0) {
        throw new IllegalArgumentException(
            "--pre (" + pre.toMillis() / 1000.0 + "s) must be between 0 and the clip length");
      }
      if (cutWorkers < 1) {
        throw new IllegalArgumentException("--cut-workers must be at least 1");
      }
    }
  }

  public HighlightsRequest {
    inputs = List.copyOf(inputs);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no input to analyse");
    }
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(measure, "measure");
    if (window.toMillis() < 5 || window.toSeconds() > 10) {
      throw new IllegalArgumentException("--window must be between 5ms and 10s");
    }
    if (thresholdDb != null) {
      rules.at(thresholdDb); // a threshold above 0 dBFS fails here
    }
    if (workers < 1 || parts < 1 || maxClips < 0 || top < 0) {
      throw new IllegalArgumentException(
          "workers, parts, --max-clips and --top must not be negative");
    }
  }
}
