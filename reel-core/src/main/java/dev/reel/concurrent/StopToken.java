package dev.reel.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A request to stop a job, shared by everything that works for it: the parallel map stops taking
 * items, a request feed stops listing, and each registered action runs once (an interrupt, a
 * "stopping" message). Stopping is one-way. Actions run on the thread that calls {@link #stop()}
 * (the Ctrl-C hook), so they must be quick; one that throws does not keep the others from running.
 */
public final class StopToken {
  private final ReentrantLock lock = new ReentrantLock(); // guards actions and the stop itself
  private final List<Runnable> actions = new ArrayList<>();
  private volatile boolean stopped;
  private volatile long stoppedAtNanos;

  /** Asks the job to stop; the first call runs every registered action, later calls do nothing. */
  public void stop() {
    List<Runnable> toRun;
    lock.lock();
    try {
      if (stopped) {
        return;
      }
      stoppedAtNanos = System.nanoTime();
      stopped = true;
      toRun = List.copyOf(actions);
      actions.clear();
    } finally {
      lock.unlock();
    }
    toRun.forEach(StopToken::runQuietly);
  }

  public boolean isStopped() {
    return stopped;
  }

  /** When {@link #stop()} was called ({@code System.nanoTime()}); meaningful once stopped. */
  long stoppedAtNanos() {
    return stoppedAtNanos;
  }

  /** Runs {@code action} once when the token is stopped, or at once if it already is. */
  public void onStop(Runnable action) {
    lock.lock();
    try {
      if (!stopped) {
        actions.add(action);
        return;
      }
    } finally {
      lock.unlock();
    }
    runQuietly(action);
  }

  private static void runQuietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      // a stop action must not keep the others from running, nor break the Ctrl-C hook
    }
  }
}
