package dev.reel.prewarm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a run's reports: summary JSON, Markdown, HTML with charts and, when asked, a Prometheus
 * text file. Also the number formats they share.
 */
public final class Reports {
  private Reports() {}

  /**
   * Where reports go: next to the results file ({@code NAME.summary.json}, {@code NAME.report.md},
   * {@code NAME.report.html}) or into a folder.
   */
  public record Targets(Path summaryJson, Path markdown, Path html, Path metrics) {
    /**
     * Reports named after {@code results} (its name without .jsonl), in {@code dir} or its folder.
     */
    public static Targets beside(Path results, Path dir, Path metrics) {
      String name = results.getFileName().toString();
      if (name.endsWith(".jsonl")) {
        name = name.substring(0, name.length() - 6);
      }
      Path folder = dir != null ? dir : results.toAbsolutePath().getParent();
      return new Targets(
          folder.resolve(name + ".summary.json"),
          folder.resolve(name + ".report.md"),
          folder.resolve(name + ".report.html"),
          metrics);
    }

    /**
     * The reports of a run: beside its results file when it has one, else in {@code dir} when
     * given, else only the metrics file (or nothing).
     */
    public static Targets forRun(Path results, Path dir, Path metrics) {
      if (results != null) {
        return beside(results, dir, metrics);
      }
      return dir != null ? in(dir, metrics) : new Targets(null, null, null, metrics);
    }

    /**
     * The reports of a run kept in a folder of results files (one per Spark partition): in the
     * folder itself, or in {@code dir} when given.
     */
    public static Targets forFolder(Path folder, Path dir, Path metrics) {
      return in(dir != null ? dir : folder, metrics);
    }

    /** Reports in {@code dir} with fixed names. */
    public static Targets in(Path dir, Path metrics) {
      return new Targets(
          dir.resolve("summary.json"),
          dir.resolve("report.md"),
          dir.resolve("report.html"),
          metrics);
    }
  }

  /** Writes every report of {@code targets}; returns the files written. */
  public static List<Path> write(PrewarmSummary s, Targets targets) throws IOException {
    List<Path> written = new ArrayList<>();
    if (targets.summaryJson() != null) {
      writeText(targets.summaryJson(), SummaryJson.text(s));
      written.add(targets.summaryJson());
    }
    if (targets.markdown() != null) {
      writeText(targets.markdown(), MarkdownReport.text(s));
      written.add(targets.markdown());
    }
    if (targets.html() != null) {
      writeText(targets.html(), HtmlReport.text(s));
      written.add(targets.html());
    }
    if (targets.metrics() != null) {
      writeText(targets.metrics(), PrometheusMetrics.text(s));
      written.add(targets.metrics());
    }
    return written;
  }

  /** The summary as Markdown (what the command prints at the end). */
  public static String markdown(PrewarmSummary s) {
    return MarkdownReport.text(s);
  }

  /** The summary as one JSON document. */
  public static String json(PrewarmSummary s) {
    return SummaryJson.text(s);
  }

  private static void writeText(Path file, String text) throws IOException {
    dev.reel.files.AtomicWrite.text(file, text);
  }

  /** Column names of the per-(derivative, size category) table, shared by Markdown and HTML. */
  static final List<String> CELL_COLUMNS =
      List.of(
          "derivative",
          "category",
          "requests",
          "ok",
          "TTFB p50",
          "p95",
          "p99",
          "p99.9",
          "total p50",
          "p95",
          "p99",
          "max",
          "bytes",
          "hits",
          "reduction");

  /** One row of that table. */
  static List<String> cellRow(PrewarmSummary.Group g) {
    return List.of(
        g.derivative(),
        g.category(),
        count(g.requests()),
        count(g.ok()),
        millis(g.ttfb().p50Micros()),
        millis(g.ttfb().p95Micros()),
        millis(g.ttfb().p99Micros()),
        millis(g.ttfb().p999Micros()),
        millis(g.total().p50Micros()),
        millis(g.total().p95Micros()),
        millis(g.total().p99Micros()),
        millis(g.total().maxMicros()),
        bytes(g.bodyBytes()),
        percent(g.hitRatio()),
        reduction(g.reductionPercent()));
  }

  static String millis(long micros) {
    if (micros < 10_000) {
      return String.format(Locale.ROOT, "%.2f ms", micros / 1000.0);
    }
    if (micros < 10_000_000) {
      return String.format(Locale.ROOT, "%.0f ms", micros / 1000.0);
    }
    return String.format(Locale.ROOT, "%.1f s", micros / 1e6);
  }

  static String bytes(double b) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    while (b >= 1024 && u < units.length - 1) {
      b /= 1024;
      u++;
    }
    return u == 0
        ? String.format(Locale.ROOT, "%.0f %s", b, units[u])
        : String.format(Locale.ROOT, "%.1f %s", b, units[u]);
  }

  static String percent(Double ratio) {
    return ratio == null ? "-" : String.format(Locale.ROOT, "%.1f%%", ratio * 100);
  }

  static String reduction(Double pct) {
    return pct == null ? "-" : String.format(Locale.ROOT, "%.1f%%", pct);
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
