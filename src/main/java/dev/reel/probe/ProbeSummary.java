package dev.reel.probe;

import java.time.Duration;
import java.util.Locale;

/** The counts of a probe run. */
public record ProbeSummary(long files, long ok, long failed, Duration elapsed) {

  public double filesPerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s > 0 ? files / s : 0;
  }

  /** The one-line summary printed on stderr. */
  public String line() {
    return String.format(
        Locale.ROOT,
        "probed %d file%s: %d ok, %d failed, %.2fs, %.0f files/s",
        files,
        files == 1 ? "" : "s",
        ok,
        failed,
        elapsed.toNanos() / 1e9,
        filesPerSecond());
  }
}
