package dev.reel.progress;

import java.io.PrintStream;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Draws a job's {@link ProgressModel} on stderr on a schedule: a bar on a terminal, plain lines
 * otherwise, or JSON events, the same for every job. The job only updates the model; this reads it
 * every interval on the ticker's thread, so a job never waits for its progress.
 */
public final class ProgressReporter implements AutoCloseable {
  private final ProgressModel model;
  private final ProgressDisplay display;
  private final ReentrantLock lock = new ReentrantLock(); // one display call at a time
  private ScheduledFuture<?> ticks;
  private String lastPhase;
  private boolean ended;

  ProgressReporter(ProgressModel model, ProgressDisplay display) {
    this.model = model;
    this.display = display;
  }

  /**
   * Starts showing {@code model}'s progress in the given mode.
   *
   * @param errIsTerminal whether {@code err} is a terminal (decides AUTO)
   * @param ticker the thread that draws; the caller shuts it down
   */
  public static ProgressReporter start(
      ProgressModel model,
      ProgressMode mode,
      PrintStream err,
      boolean errIsTerminal,
      ScheduledExecutorService ticker) {
    ProgressReporter r = new ProgressReporter(model, mode.display(err, errIsTerminal));
    r.begin();
    long every = r.display.intervalMillis();
    r.ticks = ticker.scheduleAtFixedRate(r::tick, every, every, TimeUnit.MILLISECONDS);
    return r;
  }

  void begin() {
    lock.lock();
    try {
      ProgressSnapshot s = model.snapshot();
      lastPhase = s.phase();
      display.start(s);
    } finally {
      lock.unlock();
    }
  }

  /** Shows the progress now (the ticker calls this; tests call it directly). */
  void tick() {
    lock.lock();
    try {
      if (ended) {
        return;
      }
      ProgressSnapshot s = model.snapshot();
      if (!s.phase().equals(lastPhase)) {
        lastPhase = s.phase();
        display.phase(s);
      }
      display.update(s);
    } catch (RuntimeException e) {
      // progress never breaks a job
    } finally {
      lock.unlock();
    }
  }

  /** Ends the display: the last state, marked stopped or not. Idempotent. */
  public void end(boolean stopped) {
    if (ticks != null) {
      ticks.cancel(false);
    }
    lock.lock();
    try {
      if (!ended) {
        ended = true;
        display.end(model.snapshot(), stopped);
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    end(false);
  }
}
