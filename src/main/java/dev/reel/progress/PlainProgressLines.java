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
  private final ProgressPace pace;
  private final ReentrantLock lock = new ReentrantLock();
  private long total = -1;

  PlainProgressLines(
      String task, String unit, PrintStream err, LongSupplier clock, long intervalNanos) {
    this.task = task;
    this.unit = unit;
    this.err = err;
    this.pace = new ProgressPace(clock, intervalNanos);
  }

  @Override
  public void start(long totalItems) {
    total = totalItems;
    pace.start();
  }

  @Override
  public void advance(long done, long failed) {
    if (!lock.tryLock()) {
      return; // another thread is reporting right now; this count will be in the next line
    }
    try {
      if (pace.due()) {
        err.println(line(done, failed));
      }
    } finally {
      lock.unlock();
    }
  }

  private String line(long done, long failed) {
    StringBuilder sb = new StringBuilder(task).append(": ").append(done);
    if (total >= 0) {
      sb.append('/').append(total);
    }
    sb.append(' ').append(unit);
    if (failed > 0) {
      sb.append(" (").append(failed).append(" failed)");
    }
    sb.append(String.format(Locale.ROOT, ", %.0f %s/s", pace.rate(done), unit));
    double eta = pace.etaSeconds(done, total);
    if (eta >= 0) {
      sb.append(String.format(Locale.ROOT, ", eta %.1fs", eta));
    }
    return sb.toString();
  }

  @Override
  public void close() {}
}
