package dev.reel.progress;

import java.util.function.LongSupplier;

/**
 * The timing shared by text progress listeners: when the batch started, whether the next report is
 * due (at most one per interval), and the rate and time left so far. Not thread-safe: callers hold
 * their own lock.
 */
final class ProgressPace {
  private final LongSupplier clock;
  private final long intervalNanos;
  private long startNanos;
  private long lastReportNanos;

  ProgressPace(LongSupplier clock, long intervalNanos) {
    this.clock = clock;
    this.intervalNanos = intervalNanos;
  }

  void start() {
    startNanos = clock.getAsLong();
    lastReportNanos = startNanos;
  }

  /** Whether a report is due now; if so, the next one is due an interval later. */
  boolean due() {
    long now = clock.getAsLong();
    if (now - lastReportNanos < intervalNanos) {
      return false;
    }
    lastReportNanos = now;
    return true;
  }

  double elapsedSeconds() {
    return (clock.getAsLong() - startNanos) / 1e9;
  }

  /** Items per second since the start. */
  double rate(long done) {
    return done / Math.max(1e-9, elapsedSeconds());
  }

  /** Seconds left at the current rate, or -1 when the total or the rate is unknown. */
  double etaSeconds(long done, long total) {
    double rate = rate(done);
    return total >= 0 && rate > 0 ? (total - done) / rate : -1;
  }
}
