package dev.reel.prewarm;

import dev.reel.stats.LatencySummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run did, for the reports: totals, and groups per derivative, per (derivative, size
 * category) and overall. Latencies are of successful requests.
 *
 * @param elapsedSeconds wall time of the requests (0 for a report rebuilt from a file)
 * @param interrupted whether Ctrl-C stopped the run early
 */
public record PrewarmSummary(
    RunHeader run,
    double elapsedSeconds,
    boolean interrupted,
    Group overall,
    List<Group> derivatives,
    List<Group> cells) {

  public PrewarmSummary {
    derivatives = List.copyOf(derivatives);
    cells = List.copyOf(cells);
  }

  /** Requests per second over the run (0 when the time is unknown). */
  public double requestsPerSecond() {
    return elapsedSeconds > 0 ? overall.requests() / elapsedSeconds : 0;
  }

  /** Body bytes per second over the run. */
  public double bytesPerSecond() {
    return elapsedSeconds > 0 ? overall.bodyBytes() / elapsedSeconds : 0;
  }

  /**
   * Statistics of a group of requests.
   *
   * @param reductionPercent how much smaller derivatives are than their originals; null when no
   *     sizes could be compared
   * @param ttfbCurve (percentile, microseconds) points for charts
   */
  public record Group(
      String derivative,
      String category,
      long requests,
      long ok,
      long retries,
      long bodyBytes,
      LatencySummary ttfb,
      LatencySummary total,
      Double reductionPercent,
      Map<String, Long> errors,
      Map<Integer, Long> statuses,
      Map<String, Long> cache,
      long verified,
      long verifiedHits,
      double[][] ttfbCurve,
      double[][] totalCurve) {

    public long failed() {
      return requests - ok;
    }

    /**
     * Share of successful responses that were cache hits; null when there were none, or when no
     * response carried a cache header (the server says nothing about caching).
     */
    public Double hitRatio() {
      long hits = cache.getOrDefault("hit", 0L);
      long unknown = cache.getOrDefault("none", 0L);
      return ok == 0 || unknown == ok ? null : (double) hits / ok;
    }

    static Group of(String derivative, String category, CellStats s) {
      Map<String, Long> errors = new LinkedHashMap<>();
      s.errors.forEach((k, v) -> errors.put(k.label(), v));
      double red = s.reductionPercent();
      return new Group(
          derivative,
          category,
          s.requests,
          s.ok,
          s.retries,
          s.bodyBytes,
          s.ttfb.summary(),
          s.total.summary(),
          Double.isNaN(red) ? null : red,
          errors,
          s.statusCounts(),
          new TreeMap<>(s.cache),
          s.verified,
          s.verifiedHits,
          s.ttfb.percentileCurve(),
          s.total.percentileCurve());
    }
  }

  /** Builds the summary from a run's statistics. */
  static PrewarmSummary of(
      RunHeader run, PrewarmStats stats, double elapsedSeconds, boolean interrupted) {
    List<PrewarmStats.Cell> snapshot = stats.snapshot();
    Map<String, CellStats> perDerivative = new LinkedHashMap<>();
    for (String d : run.derivatives()) {
      perDerivative.put(d.contains("=") ? d.substring(0, d.indexOf('=')) : d, new CellStats());
    }
    CellStats all = new CellStats();
    List<Group> cells = new ArrayList<>();
    for (PrewarmStats.Cell c : snapshot) {
      perDerivative.computeIfAbsent(c.derivative(), k -> new CellStats()).add(c.stats());
      all.add(c.stats());
    }
    for (String d : perDerivative.keySet()) {
      for (SizeCategory cat : SizeCategory.values()) {
        for (PrewarmStats.Cell c : snapshot) {
          if (c.derivative().equals(d) && c.category() == cat) {
            cells.add(Group.of(d, cat.label(), c.stats()));
          }
        }
      }
    }
    List<Group> derivatives = new ArrayList<>();
    perDerivative.forEach((d, s) -> derivatives.add(Group.of(d, "all", s)));
    return new PrewarmSummary(
        run, elapsedSeconds, interrupted, Group.of("all", "all", all), derivatives, cells);
  }
}
