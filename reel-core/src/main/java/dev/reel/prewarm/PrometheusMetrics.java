package dev.reel.prewarm;

import dev.reel.stats.LatencySummary;
import java.util.Locale;

/**
 * The summary in Prometheus' text format (for node_exporter's textfile collector or a push). Labels
 * are derivative, size category, outcome and cache verdict: low cardinality, never a URL.
 */
final class PrometheusMetrics {
  private PrometheusMetrics() {}

  static String text(PrewarmSummary s) {
    StringBuilder b = new StringBuilder();
    help(
        b,
        "reel_prewarm_requests_total",
        "counter",
        "Requests by derivative, size category and outcome.");
    for (PrewarmSummary.Group g : s.cells()) {
      sample(b, "reel_prewarm_requests_total", labels(g) + ",outcome=\"ok\"", g.ok());
      g.errors()
          .forEach(
              (k, v) ->
                  sample(
                      b, "reel_prewarm_requests_total", labels(g) + ",outcome=\"" + k + "\"", v));
    }
    help(b, "reel_prewarm_retries_total", "counter", "Retries made.");
    s.cells().forEach(g -> sample(b, "reel_prewarm_retries_total", labels(g), g.retries()));
    help(b, "reel_prewarm_body_bytes_total", "counter", "Body bytes received.");
    s.cells().forEach(g -> sample(b, "reel_prewarm_body_bytes_total", labels(g), g.bodyBytes()));
    help(
        b,
        "reel_prewarm_cache_responses_total",
        "counter",
        "Successful responses by cache verdict.");
    for (PrewarmSummary.Group g : s.cells()) {
      g.cache()
          .forEach(
              (k, v) ->
                  sample(
                      b,
                      "reel_prewarm_cache_responses_total",
                      labels(g) + ",cache=\"" + escape(k) + "\"",
                      v));
    }
    summary(b, "reel_prewarm_ttfb_seconds", "Time to first byte of successful requests.", s, true);
    summary(b, "reel_prewarm_total_seconds", "Total time of successful requests.", s, false);
    help(b, "reel_prewarm_size_reduction_ratio", "gauge", "1 - derivative bytes / original bytes.");
    for (PrewarmSummary.Group g : s.cells()) {
      if (g.reductionPercent() != null) {
        sample(b, "reel_prewarm_size_reduction_ratio", labels(g), g.reductionPercent() / 100);
      }
    }
    help(b, "reel_prewarm_duration_seconds", "gauge", "Wall time of the run.");
    sample(b, "reel_prewarm_duration_seconds", null, s.elapsedSeconds());
    return b.toString();
  }

  private static void summary(
      StringBuilder b, String name, String help, PrewarmSummary s, boolean ttfb) {
    help(b, name, "summary", help);
    for (PrewarmSummary.Group g : s.cells()) {
      LatencySummary l = ttfb ? g.ttfb() : g.total();
      if (l.count() == 0) {
        continue;
      }
      String[][] qs = {
        {"0.5", "" + l.p50Micros()},
        {"0.9", "" + l.p90Micros()},
        {"0.95", "" + l.p95Micros()},
        {"0.99", "" + l.p99Micros()},
        {"0.999", "" + l.p999Micros()},
        {"1", "" + l.maxMicros()}
      };
      for (String[] q : qs) {
        sample(b, name, labels(g) + ",quantile=\"" + q[0] + "\"", Long.parseLong(q[1]) / 1e6);
      }
      sample(b, name + "_sum", labels(g), l.meanMicros() * l.count() / 1e6);
      sample(b, name + "_count", labels(g), l.count());
    }
  }

  private static String labels(PrewarmSummary.Group g) {
    return "derivative=\"" + escape(g.derivative()) + "\",category=\"" + g.category() + "\"";
  }

  private static void help(StringBuilder b, String name, String type, String help) {
    b.append("# HELP ").append(name).append(' ').append(help).append('\n');
    b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void sample(StringBuilder b, String name, String labels, double value) {
    b.append(name);
    if (labels != null) {
      b.append('{').append(labels).append('}');
    }
    b.append(' ');
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      b.append((long) value);
    } else {
      b.append(String.format(Locale.ROOT, "%.6g", value));
    }
    b.append('\n');
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
