package dev.reel.probe;

import dev.reel.media.MediaInfo;
import dev.reel.media.ProbeOutcome;
import dev.reel.media.StreamInfo;
import java.io.PrintStream;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes results as an aligned table, one row per file as it arrives. Columns have fixed widths
 * (results stream, so widths cannot wait for the last row); long values are cut with an ellipsis.
 */
public final class ProbeTableWriter implements ProbeResultWriter {
  private static final String FORMAT = "%-40s %9s %9s %-6s %-24s %8s  %s%n";
  private final PrintStream out;
  private final boolean flushEachRow;
  private boolean headerDone;

  /**
   * @param flushEachRow flush after each row (on a terminal, so rows appear as files finish)
   */
  public ProbeTableWriter(PrintStream out, boolean flushEachRow) {
    this.out = out;
    this.flushEachRow = flushEachRow;
  }

  @Override
  public void accept(ProbeOutcome outcome) {
    if (!headerDone) {
      out.printf(FORMAT, "NAME", "DURATION", "SIZE", "VIDEO", "AUDIO", "FILESIZE", "STATUS");
      headerDone = true;
    }
    MediaInfo info = outcome.mediaInfo().orElse(null);
    String status =
        switch (outcome) {
          case ProbeOutcome.Playable p -> "ok";
          case ProbeOutcome.Unplayable u -> "unplayable: " + u.error();
          case ProbeOutcome.Unreadable u -> "unreadable: " + u.error();
          case ProbeOutcome.TimedOut t -> t.error();
        };
    StreamInfo.Video video =
        info == null ? null : info.videoStreams().stream().findFirst().orElse(null);
    out.printf(
        FORMAT,
        cut(outcome.file().path().getFileName().toString(), 40),
        info == null ? "-" : duration(info.durationSeconds()),
        video == null ? "-" : video.width() + "x" + video.height(),
        video == null ? "-" : cut(video.codec(), 6),
        info == null ? "-" : cut(audio(info), 24),
        bytes(outcome.file().sizeBytes()),
        status);
    if (flushEachRow) {
      out.flush();
    }
  }

  private static String audio(MediaInfo info) {
    String s =
        info.audioStreams().stream()
            .map(
                a ->
                    a.codec()
                        + " "
                        + a.channels()
                        + "ch"
                        + (a.language() == null ? "" : " " + a.language()))
            .collect(Collectors.joining(", "));
    return s.isEmpty() ? "-" : s;
  }

  static String duration(Double seconds) {
    if (seconds == null) {
      return "?";
    }
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** A size for people: {@code 88.2 KiB}. */
  public static String bytes(long n) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return u == 0 ? n + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  static String cut(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "…";
  }

  @Override
  public void close() {
    out.flush();
  }
}
