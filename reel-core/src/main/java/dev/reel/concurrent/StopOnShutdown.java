package dev.reel.concurrent;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a job stop cleanly on Ctrl-C or SIGTERM: a shutdown hook runs {@code onStop} and then holds
 * the JVM's shutdown until the job's thread {@link #close() closes} this (at most {@code maxWait}),
 * so the job can finish writing its results. Outside a shutdown, closing just removes the hook.
 */
public final class StopOnShutdown implements AutoCloseable {
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  private StopOnShutdown(Runnable onStop, Duration maxWait, String name) {
    this.hook =
        new Thread(
            () -> {
              onStop.run();
              try {
                finished.await(maxWait.toMillis(), TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            name);
  }

  /** Installs the hook; close the result when the job has finished (try-with-resources). */
  public static StopOnShutdown install(Runnable onStop, Duration maxWait, String name) {
    StopOnShutdown s = new StopOnShutdown(onStop, maxWait, name);
    Runtime.getRuntime().addShutdownHook(s.hook);
    return s;
  }

  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is waiting for the countDown above
    }
  }
}
