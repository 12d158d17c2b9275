package dev.reel.prewarm;

import dev.reel.html.Html;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The summary as one self-contained HTML page: latency percentile curves per derivative (inline
 * SVG, no scripts, nothing fetched), the per-category table, error breakdown, cache hit ratio and
 * size reduction bars.
 */
final class HtmlReport {
  private static final String[] COLORS = {
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"
  };
  private static final int W = 720;
  private static final int H = 300;
  private static final int PAD = 64;

  private HtmlReport() {}

  static String text(PrewarmSummary s) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>reel prewarm report</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px;color:#222}")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;")
        .append(
            "padding:3px 8px;text-align:right;white-space:nowrap}th{background:#f3f3f3}td:first-child,")
        .append("td:nth-child(2){text-align:left}svg{background:#fafafa;border:1px solid #ddd}")
        .append(".legend span{display:inline-block;margin-right:1em}</style></head><body>\n");
    b.append("<h1>reel prewarm report</h1>\n<pre>")
        .append(Html.escape(header(s)))
        .append("</pre>\n");
    b.append("<h2>Time to first byte, by percentile</h2>\n");
    curves(b, s, true);
    b.append("<h2>Total time, by percentile</h2>\n");
    curves(b, s, false);
    b.append("<h2>Per derivative and size category</h2>\n");
    table(b, s);
    b.append("<h2>Errors</h2>\n");
    Map<String, Double> errors = new LinkedHashMap<>();
    s.overall().errors().forEach((k, v) -> errors.put(k, v.doubleValue()));
    bars(b, errors, v -> Reports.count(v.longValue()), "#d62728");
    b.append("<h2>Cache hit ratio (successful responses)</h2>\n");
    Map<String, Double> hits = new LinkedHashMap<>();
    for (PrewarmSummary.Group g : s.derivatives()) {
      if (g.hitRatio() != null) {
        hits.put(g.derivative(), g.hitRatio());
      }
    }
    bars(b, hits, v -> Reports.percent(v), "#2ca02c");
    b.append("<h2>Size reduction against the original</h2>\n");
    Map<String, Double> red = new LinkedHashMap<>();
    for (PrewarmSummary.Group g : s.cells()) {
      if (g.reductionPercent() != null) {
        red.put(g.derivative() + " / " + g.category(), Math.max(0, g.reductionPercent()) / 100);
      }
    }
    bars(b, red, v -> String.format(Locale.ROOT, "%.1f%%", v * 100), "#1f77b4");
    b.append("</body></html>\n");
    return b.toString();
  }

  private static String header(PrewarmSummary s) {
    String md = MarkdownReport.text(s);
    int cut = md.indexOf("\n## ");
    return (cut < 0 ? md : md.substring(0, cut)).replace("# reel prewarm report\n\n", "");
  }

  /** Percentile on a log scale of 1/(1-p): 0, 90, 99, 99.9, 99.99, 99.999 evenly spaced. */
  private static double px(double percentile) {
    double tail = Math.max(1e-5, 1 - percentile / 100);
    return Math.min(5, Math.log10(1 / tail));
  }

  private static void curves(StringBuilder b, PrewarmSummary s, boolean ttfb) {
    List<double[][]> series = new ArrayList<>();
    List<String> names = new ArrayList<>();
    double maxY = 0;
    for (PrewarmSummary.Group g : s.derivatives()) {
      double[][] c = ttfb ? g.ttfbCurve() : g.totalCurve();
      if (c.length == 0) {
        continue;
      }
      series.add(c);
      names.add(g.derivative());
      for (double[] p : c) {
        maxY = Math.max(maxY, p[1] / 1000.0);
      }
    }
    if (series.isEmpty()) {
      b.append("<p>no successful requests</p>\n");
      return;
    }
    maxY = niceCeiling(maxY);
    b.append("<svg width=\"").append(W).append("\" height=\"").append(H).append("\" role=\"img\">");
    double[] ticks = {0, 90, 99, 99.9, 99.99, 99.999};
    for (double t : ticks) {
      double x = PAD + px(t) / 5 * (W - 2 * PAD);
      b.append(line(x, PAD / 2.0, x, H - PAD, "#ddd"));
      b.append(
          label(
              x,
              H - PAD + 16,
              (t == Math.rint(t) ? String.valueOf((int) t) : String.valueOf(t)) + "%",
              "middle"));
    }
    for (int i = 0; i <= 4; i++) {
      double y = H - PAD - i / 4.0 * (H - 1.5 * PAD);
      b.append(line(PAD, y, W - PAD, y, "#ddd"));
      b.append(label(PAD - 4, y + 4, fmtMs(maxY * i / 4), "end"));
    }
    for (int k = 0; k < series.size(); k++) {
      StringBuilder pts = new StringBuilder();
      for (double[] p : series.get(k)) {
        double x = PAD + px(p[0]) / 5 * (W - 2 * PAD);
        double y = H - PAD - (p[1] / 1000.0) / maxY * (H - 1.5 * PAD);
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      }
      b.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"")
          .append(COLORS[k % COLORS.length])
          .append("\" points=\"")
          .append(pts.toString().strip())
          .append("\"/>");
    }
    b.append(label(W / 2.0, H - 8, "percentile", "middle"));
    b.append("</svg>\n<div class=\"legend\">");
    for (int k = 0; k < names.size(); k++) {
      b.append("<span style=\"color:")
          .append(COLORS[k % COLORS.length])
          .append("\">&#9632; ")
          .append(Html.escape(names.get(k)))
          .append("</span>");
    }
    b.append("</div>\n");
  }

  private static void table(StringBuilder b, PrewarmSummary s) {
    b.append("<table><tr>");
    for (String c : Reports.CELL_COLUMNS) {
      b.append("<th>").append(Html.escape(c)).append("</th>");
    }
    b.append("</tr>\n");
    for (PrewarmSummary.Group g : s.cells()) {
      b.append("<tr>");
      for (String c : Reports.cellRow(g)) {
        b.append("<td>").append(Html.escape(c)).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</table>\n");
  }

  private static void bars(
      StringBuilder b,
      Map<String, Double> values,
      java.util.function.Function<Double, String> fmt,
      String color) {
    if (values.isEmpty()) {
      b.append("<p>none</p>\n");
      return;
    }
    double max = values.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
    max = max <= 0 ? 1 : max;
    int rowH = 24;
    int h = values.size() * rowH + 10;
    b.append("<svg width=\"").append(W).append("\" height=\"").append(h).append("\" role=\"img\">");
    int i = 0;
    for (Map.Entry<String, Double> e : values.entrySet()) {
      double y = 5 + i * rowH;
      double w = e.getValue() / max * (W - 330);
      b.append(label(190, y + 16, e.getKey(), "end"));
      b.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"200\" y=\"%.1f\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>",
              y,
              Math.max(1, w),
              color));
      b.append(label(205 + w, y + 16, fmt.apply(e.getValue()), "start"));
      i++;
    }
    b.append("</svg>\n");
  }

  private static String line(double x1, double y1, double x2, double y2, String color) {
    return String.format(
        Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>",
        x1,
        y1,
        x2,
        y2,
        color);
  }

  private static String label(double x, double y, String text, String anchor) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"%s\">%s</text>",
        x,
        y,
        anchor,
        Html.escape(text));
  }

  private static String fmtMs(double ms) {
    if (ms == 0 || ms >= 10) {
      return String.format(Locale.ROOT, "%,.0f ms", ms);
    }
    return ms >= 1
        ? String.format(Locale.ROOT, "%.1f ms", ms)
        : String.format(Locale.ROOT, "%.2f ms", ms);
  }

  private static double niceCeiling(double v) {
    if (v <= 0) {
      return 1;
    }
    double mag = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * mag >= v) {
        return m * mag;
      }
    }
    return 10 * mag;
  }
}
