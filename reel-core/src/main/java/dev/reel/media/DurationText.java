package dev.reel.media;

import java.time.Duration;
import java.util.Locale;

/** Parses and prints short durations the way users type them: {@code 30s}, {@code 500ms}. */
public final class DurationText {
  private DurationText() {}

  /**
   * Parses {@code 250ms}, {@code 30s}, {@code 1.5s}, {@code 2m}, {@code 1h}, {@code 30d}; a bare
   * number is seconds.
   *
   * @throws IllegalArgumentException with the bad text when it is not a positive duration
   */
  public static Duration parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    long unitMillis;
    String number;
    if (t.endsWith("ms")) {
      unitMillis = 1;
      number = t.substring(0, t.length() - 2);
    } else if (t.endsWith("s")) {
      unitMillis = 1_000;
      number = t.substring(0, t.length() - 1);
    } else if (t.endsWith("m")) {
      unitMillis = 60_000;
      number = t.substring(0, t.length() - 1);
    } else if (t.endsWith("h")) {
      unitMillis = 3_600_000;
      number = t.substring(0, t.length() - 1);
    } else if (t.endsWith("d")) {
      unitMillis = 86_400_000;
      number = t.substring(0, t.length() - 1);
    } else {
      unitMillis = 1_000;
      number = t;
    }
    double value;
    try {
      value = Double.parseDouble(number);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration (examples: 500ms, 30s, 2m)", e);
    }
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("duration '" + text + "' must be positive");
    }
    return Duration.ofNanos(Math.round(value * unitMillis * 1_000_000));
  }

  /** Prints a duration compactly: {@code 250ms}, {@code 30s}, {@code 1.5s}, {@code 2m05s}. */
  public static String format(Duration d) {
    long millis = d.toMillis();
    if (millis < 1_000) {
      return millis + "ms";
    }
    if (millis < 60_000) {
      return millis % 1_000 == 0
          ? (millis / 1_000) + "s"
          : String.format(Locale.ROOT, "%.1fs", millis / 1_000.0);
    }
    long seconds = millis / 1_000;
    return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
  }
}
