package dev.reel.progress;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The progress of one job, which the job updates and a display reads: items finished (ok, failed,
 * skipped), the total when known (or as far as a listing has got), the phase, and job-specific
 * extras such as a p95 latency. Every method is thread-safe, fast and never throws, so workers call
 * it freely; the display takes a {@link #snapshot()} on its own schedule.
 */
public final class ProgressModel {
  private final String job;
  private final String unit;
  private final LongSupplier nanoClock;
  private final long jobStartNanos;
  private volatile long startNanos;
  private final LongAdder ok = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder skipped = new LongAdder();
  private final AtomicLong total = new AtomicLong();
  private volatile boolean totalKnown;
  private volatile String phase;
  private volatile Supplier<Map<String, Object>> extras = Map::of;

  /**
   * @param job the job's name ({@code "probe"}), shown in front of the progress
   * @param unit what is counted ({@code "files"}, {@code "requests"})
   * @param nanoClock the clock for rates and elapsed time
   */
  public ProgressModel(String job, String unit, LongSupplier nanoClock) {
    this.job = Objects.requireNonNull(job, "job");
    this.unit = Objects.requireNonNull(unit, "unit");
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
    this.jobStartNanos = startNanos;
    this.phase = job;
  }

  public String job() {
    return job;
  }

  public String unit() {
    return unit;
  }

  public void ok() {
    ok.increment();
  }

  public void failed() {
    failed.increment();
  }

  public void skipped() {
    skipped.increment();
  }

  /** Counts items another process finished (a Spark partition's share of the job). */
  public void add(long okItems, long failedItems, long skippedItems) {
    ok.add(okItems);
    failed.add(failedItems);
    skipped.add(skippedItems);
  }

  /** {@code n} more items to do (a listing found them); the total stays open. */
  public void addTotal(long n) {
    total.addAndGet(n);
  }

  /** The total is {@code n} and final. */
  public void total(long n) {
    total.set(n);
    totalKnown = true;
  }

  /** The total counted by {@link #addTotal} is final: the listing has ended. */
  public void totalComplete() {
    totalKnown = true;
  }

  /** What the job is doing now, e.g. {@code "listing"}, {@code "stopping"}. */
  public void phase(String name) {
    phase = Objects.requireNonNull(name, "name");
  }

  /**
   * Starts a new phase of a job that works in several (walk, probe, hash, apply): the counts and
   * the total start again from zero, and rate and elapsed time are the phase's own.
   */
  public void beginPhase(String name) {
    phase(name);
    ok.reset();
    failed.reset();
    skipped.reset();
    total.set(0);
    totalKnown = false;
    startNanos = nanoClock.getAsLong();
  }

  /** Job-specific values shown with the progress; the supplier is called by the display only. */
  public void extras(Supplier<Map<String, Object>> supplier) {
    extras = Objects.requireNonNull(supplier, "supplier");
  }

  /** Time since the job started, whatever its phase. */
  public long jobElapsedNanos() {
    return nanoClock.getAsLong() - jobStartNanos;
  }

  /** How far the job is now. */
  public ProgressSnapshot snapshot() {
    Map<String, Object> x;
    try {
      x = extras.get();
    } catch (RuntimeException e) {
      x = Map.of(); // progress never breaks a job
    }
    return new ProgressSnapshot(
        job,
        unit,
        phase,
        ok.sum(),
        failed.sum(),
        skipped.sum(),
        total.get(),
        totalKnown,
        nanoClock.getAsLong() - startNanos,
        x);
  }
}
