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
final class PrewarmStats {
  private final Map<String, CellStats> cells = new LinkedHashMap<>();
  private final LatencyHistogram overallTotal = new LatencyHistogram();
  private long done;
  private long failed;

  synchronized void record(RequestResult r) {
    cells
        .computeIfAbsent(r.derivative() + "\u0000" + r.category().label(), k -> new CellStats())
        .record(r);
    done++;
    if (!r.ok()) {
      failed++;
    } else {
      overallTotal.recordMicros(r.totalMicros());
    }
  }

  synchronized long done() {
    return done;
  }

  synchronized long failed() {
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

  /** One cell's statistics. */
  record Cell(String derivative, SizeCategory category, CellStats stats) {}
}
