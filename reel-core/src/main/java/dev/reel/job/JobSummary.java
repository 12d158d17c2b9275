package dev.reel.job;

import dev.reel.progress.ProgressModel;
import dev.reel.progress.ProgressSnapshot;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How a job ended, counted the same way for every job: items ok, failed and skipped, how long it
 * took, and whether it was stopped before the end (Ctrl-C). The exit code follows from it alone.
 *
 * @param notDone items the job knew of but did not finish because it was stopped
 */
public record JobSummary(
    String job,
    String unit,
    long ok,
    long failed,
    long skipped,
    long notDone,
    Duration elapsed,
    boolean stopped) {

  public JobSummary {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** The summary of a job whose progress ended at {@code last}. */
  public static JobSummary of(ProgressSnapshot last, long notDone, boolean stopped) {
    return new JobSummary(
        last.job(),
        last.unit(),
        last.ok(),
        last.failed(),
        last.skipped(),
        notDone,
        Duration.ofNanos(last.elapsedNanos()),
        stopped);
  }

  /** The summary of a job that ran in phases: the last phase's counts, the whole job's time. */
  public static JobSummary of(ProgressModel model, long notDone, boolean stopped) {
    ProgressSnapshot last = model.snapshot();
    return new JobSummary(
        last.job(),
        last.unit(),
        last.ok(),
        last.failed(),
        last.skipped(),
        notDone,
        Duration.ofNanos(model.jobElapsedNanos()),
        stopped);
  }

  public long done() {
    return ok + failed + skipped;
  }

  /** The exit code: 130 stopped, 1 some items failed, 0 all fine. */
  public int exitCode() {
    return stopped ? 130 : failed > 0 ? 1 : 0;
  }

  /**
   * The one-line summary: {@code probe: 2,000 files, 1,998 ok, 2 failed, 0 skipped in 0.75s (2,660
   * files/s)}, with {@code ; stopped, 40 not done} after a stop.
   */
  public String line() {
    double secs = elapsed.toNanos() / 1e9;
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%s: %,d %s, %,d ok, %,d failed, %,d skipped in %.2fs (%,.0f %s/s)",
                job,
                done(),
                unit,
                ok,
                failed,
                skipped,
                secs,
                secs > 0 ? done() / secs : 0,
                unit));
    if (stopped) {
      b.append(String.format(Locale.ROOT, "; stopped, %,d not done", notDone));
    }
    return b.toString();
  }
}
