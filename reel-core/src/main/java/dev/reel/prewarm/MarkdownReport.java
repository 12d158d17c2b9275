package dev.reel.prewarm;

import dev.reel.stats.LatencySummary;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The summary as Markdown tables: per derivative, per size category, errors, statuses, cache. */
final class MarkdownReport {
  private MarkdownReport() {}

  static String text(PrewarmSummary s) {
    StringBuilder b = new StringBuilder("# reel prewarm report\n\n");
    RunHeader r = s.run();
    b.append("- started: ").append(r.started()).append('\n');
    b.append("- base URL: ").append(r.baseUrl() == null ? "(from the listing)" : r.baseUrl());
    b.append(", URL format: ").append(r.urlFormat()).append(", method: ").append(r.method());
    b.append('\n');
    b.append("- derivatives: ").append(String.join(", ", r.derivatives())).append('\n');
    PrewarmSummary.Group all = s.overall();
    b.append("- requests: ")
        .append(Reports.count(all.requests()))
        .append(" (")
        .append(Reports.count(all.ok()))
        .append(" ok, ")
        .append(Reports.count(all.failed()))
        .append(" failed, ")
        .append(Reports.count(all.retries()))
        .append(" retries)");
    if (s.elapsedSeconds() > 0) {
      b.append(
          String.format(
              Locale.ROOT,
              " in %.1f s: %,.0f requests/s, %s/s",
              s.elapsedSeconds(),
              s.requestsPerSecond(),
              Reports.bytes(s.bytesPerSecond())));
    }
    b.append('\n');
    b.append("- body bytes: ").append(Reports.bytes(all.bodyBytes()));
    b.append(", cache hits: ").append(Reports.percent(all.hitRatio()));
    if (all.verified() > 0) {
      b.append(", verified hits: ")
          .append(Reports.percent((double) all.verifiedHits() / all.verified()));
    }
    b.append(", size reduction: ").append(Reports.reduction(all.reductionPercent())).append('\n');
    if (s.interrupted()) {
      b.append("- **interrupted**: the run was stopped before the end\n");
    }
    b.append("\n## Latency per derivative (successful requests)\n\n");
    b.append("| derivative | requests | ok | failed | TTFB p50 | p90 | p95 | p99 | p99.9 | max |")
        .append(" mean | stddev | total p50 | p95 | p99 | max | hits | reduction |\n");
    b.append(
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (PrewarmSummary.Group g : s.derivatives()) {
      LatencySummary t = g.ttfb();
      LatencySummary w = g.total();
      row(
          b,
          g.derivative(),
          Reports.count(g.requests()),
          Reports.count(g.ok()),
          Reports.count(g.failed()),
          Reports.millis(t.p50Micros()),
          Reports.millis(t.p90Micros()),
          Reports.millis(t.p95Micros()),
          Reports.millis(t.p99Micros()),
          Reports.millis(t.p999Micros()),
          Reports.millis(t.maxMicros()),
          Reports.millis(Math.round(t.meanMicros())),
          Reports.millis(Math.round(t.stddevMicros())),
          Reports.millis(w.p50Micros()),
          Reports.millis(w.p95Micros()),
          Reports.millis(w.p99Micros()),
          Reports.millis(w.maxMicros()),
          Reports.percent(g.hitRatio()),
          Reports.reduction(g.reductionPercent()));
    }
    b.append("\n## Per size category\n\n");
    row(b, Reports.CELL_COLUMNS.toArray(String[]::new));
    b.append("|---|---|").append("---:|".repeat(Reports.CELL_COLUMNS.size() - 2)).append('\n');
    for (PrewarmSummary.Group g : s.cells()) {
      row(b, Reports.cellRow(g).toArray(String[]::new));
    }
    counts(b, "Errors", "class", all.errors());
    Map<String, Long> statuses = new TreeMap<>();
    all.statuses().forEach((k, v) -> statuses.put(String.valueOf(k), v));
    counts(b, "Status codes", "status", statuses);
    counts(b, "Cache (successful responses)", "cache", all.cache());
    return b.toString();
  }

  private static void counts(StringBuilder b, String title, String key, Map<String, Long> m) {
    b.append("\n## ").append(title).append("\n\n");
    if (m.isEmpty()) {
      b.append("none\n");
      return;
    }
    b.append("| ").append(key).append(" | count |\n|---|---:|\n");
    m.forEach((k, v) -> row(b, k, Reports.count(v)));
  }

  private static void row(StringBuilder b, String... cells) {
    b.append('|');
    for (String c : cells) {
      b.append(' ').append(c.replace("|", "\\|")).append(" |");
    }
    b.append('\n');
  }
}
