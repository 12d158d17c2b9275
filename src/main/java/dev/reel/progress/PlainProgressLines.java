package dev.reel.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Progress as a plain line at most every {@code intervalNanos}, for logs and pipes: {@code probe:
 * 1200/2000 files (3 failed), 1850 files/s, eta 0.4s}.
 */
final class PlainProgressLines implements ProgressListener {
  private final String task;
  private final String unit;
  private final PrintStream err;
  private final LongSupplier clock;
  private final long intervalNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private long total = -1;
  private long startNanos;
  private long lastLineNanos;

  PlainProgressLines(
      String task, String unit, PrintStream err, LongSupplier clock, long intervalNanos) {
    this.task = task;
    this.unit = unit;
    this.err = err;
    this.clock = clock;
    this.intervalNanos = intervalNanos;
  }

  @Override
  public void start(long totalItems) {
    this.total = totalItems;
    this.startNanos = clock.getAsLong();
    this.lastLineNanos = startNanos;
  }

  @Override
  public void advance(long done, long failed) {
    long now = clock.getAsLong();
    if (now - lastLineNanos < intervalNanos || !lock.tryLock()) {
      return;
    }
    try {
      if (now - lastLineNanos < intervalNanos) {
        return;
      }
      lastLineNanos = now;
      err.println(line(done, failed, now));
    } finally {
      lock.unlock();
    }
  }

  String line(long done, long failed, long now) {
    double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
    double rate = done / seconds;
    StringBuilder sb = new StringBuilder(task).append(": ").append(done);
    if (total >= 0) {
      sb.append('/').append(total);
    }
    sb.append(' ').append(unit);
    if (failed > 0) {
      sb.append(" (").append(failed).append(" failed)");
    }
    sb.append(String.format(Locale.ROOT, ", %.0f %s/s", rate, unit));
    if (total >= 0 && rate > 0) {
      sb.append(String.format(Locale.ROOT, ", eta %.1fs", (total - done) / rate));
    }
    return sb.toString();
  }

  @Override
  public void close() {}
}
