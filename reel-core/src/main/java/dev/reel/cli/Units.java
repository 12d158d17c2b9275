package dev.reel.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses sizes ("50M", "1.5GiB", "123"). */
final class Units {
  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?b?)", Pattern.CASE_INSENSITIVE);

  private Units() {}

  /** Bytes; K, M, G, T are powers of 1024 (as rclone's size filters). */
  static long bytes(String text) {
    Matcher m = SIZE.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a size (examples: 50M, 1.5G, 1048576)");
    }
    double v = Double.parseDouble(m.group(1));
    int power = "kmgt".indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
    return (long) (v * Math.pow(1024, power));
  }
}
