package dev.reel.progress;

import java.util.Map;

/**
 * How far a job is at one moment.
 *
 * @param total items to do: final when {@code totalKnown}, else as far as the listing has got
 * @param elapsedNanos time since the job (or its current phase) started
 * @param extras job-specific values (name to number or text), in the order the job gives them
 */
public record ProgressSnapshot(
    String job,
    String unit,
    String phase,
    long ok,
    long failed,
    long skipped,
    long total,
    boolean totalKnown,
    long elapsedNanos,
    Map<String, Object> extras) {

  /** Items finished, whatever their outcome. */
  public long done() {
    return ok + failed + skipped;
  }

  public double elapsedSeconds() {
    return elapsedNanos / 1e9;
  }

  /** Items finished per second since the start. */
  public double rate() {
    return done() / Math.max(1e-9, elapsedSeconds());
  }

  /** Seconds left at the current rate, or -1 when the total or the rate is not known. */
  public double etaSeconds() {
    double r = rate();
    return totalKnown && r > 0 ? Math.max(0, total - done()) / r : -1;
  }
}
