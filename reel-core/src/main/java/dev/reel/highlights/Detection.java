package dev.reel.highlights;

import java.util.Locale;

/**
 * One loud moment.
 *
 * @param startSeconds the start of its first loud window
 * @param endSeconds the end of its last loud window
 * @param peakSeconds the start of its loudest window
 * @param score how strong it is: dB of its peak over the threshold, plus 3 for every doubling of
 *     its length in seconds
 */
public record Detection(
    double startSeconds,
    double endSeconds,
    double peakSeconds,
    double peakDb,
    double meanDb,
    Rule rule,
    double score) {

  /** The rule that made the peak count. */
  public enum Rule {
    SPIKE,
    JUMP,
    SUSTAINED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
