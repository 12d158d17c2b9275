package dev.reel.prewarm;

import dev.reel.stats.LatencyHistogram;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All statistics of a run, in bounded memory: one {@link CellStats} per (derivative, size
 * category). Thread-safe: results arrive on the HTTP event-loop threads; one lock guards all cells
 * (a record takes well under a microsecond).
 */
public final class PrewarmStats {
  private final Map<String, CellStats> cells = new LinkedHashMap<>();
  private LatencyHistogram overallTotal = new LatencyHistogram();
  private long done;
  private long failed;

  synchronized void record(RequestResult r) {
    cells.computeIfAbsent(key(r.derivative(), r.category()), k -> new CellStats()).record(r);
    done++;
    if (!r.ok()) {
      failed++;
    } else {
      overallTotal.recordMicros(r.totalMicros());
    }
  }

  public synchronized long done() {
    return done;
  }

  public synchronized long failed() {
    return failed;
  }

  /** The overall p95 of total time so far, in microseconds (0 before any success). */
  synchronized long p95TotalMicros() {
    return overallTotal.percentileMicros(95);
  }

  /** A copy of every cell, keyed by derivative then category, for the summary. */
  synchronized List<Cell> snapshot() {
    List<Cell> out = new ArrayList<>();
    cells.forEach(
        (k, c) -> {
          int sep = k.indexOf('\u0000');
          CellStats copy = new CellStats();
          copy.add(c);
          out.add(
              new Cell(k.substring(0, sep), SizeCategory.fromLabel(k.substring(sep + 1)), copy));
        });
    return out;
  }

  /**
   * Adds everything {@code other} counted, so that statistics kept apart (one per Spark partition)
   * give the same report as one run: counts add up, histograms merge without loss.
   */
  public void add(PrewarmStats other) {
    synchronized (this) {
      synchronized (other) {
        other.cells.forEach((k, c) -> cells.computeIfAbsent(k, x -> new CellStats()).add(c));
        overallTotal.add(other.overallTotal);
        done += other.done;
        failed += other.failed;
      }
    }
  }

  /** These statistics in a compact form to travel (compressed histograms: a few KB a cell). */
  public synchronized byte[] encode() {
    return StatsCodec.encode(snapshot(), overallTotal, done, failed);
  }

  /**
   * Statistics from {@link #encode}'s bytes.
   *
   * @throws IllegalArgumentException when the bytes are not such an encoding
   */
  public static PrewarmStats decode(byte[] bytes) {
    PrewarmStats s = new PrewarmStats();
    StatsCodec.decode(
        bytes,
        (derivative, category, cell) -> s.cells.put(key(derivative, category), cell),
        (total, done, failed) -> {
          s.overallTotal = total;
          s.done = done;
          s.failed = failed;
        });
    return s;
  }

  /** The run's summary for reports, from these statistics. */
  public PrewarmSummary summary(RunHeader run, double elapsedSeconds, boolean interrupted) {
    return PrewarmSummary.of(run, this, elapsedSeconds, interrupted);
  }

  private static String key(String derivative, SizeCategory category) {
    return derivative + "\u0000" + category.label();
  }

  /** One cell's statistics. */
  record Cell(String derivative, SizeCategory category, CellStats stats) {}
}
