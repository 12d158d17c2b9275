package dev.reel.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses sizes ("50M", "1.5GiB", "123") and durations ("500ms", "10s", "2m", "1h", "30"). */
final class Units {
  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?b?)", Pattern.CASE_INSENSITIVE);
  private static final Pattern TIME =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);

  private Units() {}

  /** Bytes; K, M, G, T are powers of 1024 (as rclone's size filters). */
  static long bytes(String option, String text) {
    Matcher m = SIZE.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          option + " must be a size such as 50M, 1.5G or 1048576, not '" + text + "'");
    }
    double v = Double.parseDouble(m.group(1));
    int power = "kmgt".indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
    return (long) (v * Math.pow(1024, power));
  }

  static Duration duration(String option, String text) {
    Matcher m = TIME.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          option + " must be a duration such as 500ms, 10s, 2m or 1h, not '" + text + "'");
    }
    double v = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
    double millis =
        switch (unit) {
          case "ms" -> v;
          case "m" -> v * 60_000;
          case "h" -> v * 3_600_000;
          default -> v * 1000;
        };
    if (millis <= 0) {
      throw new IllegalArgumentException(option + " must be more than 0, not '" + text + "'");
    }
    return Duration.ofMillis((long) Math.ceil(millis));
  }
}
