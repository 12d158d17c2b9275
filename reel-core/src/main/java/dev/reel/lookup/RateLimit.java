package dev.reel.lookup;

import java.util.function.LongSupplier;

/**
 * Spaces requests to a service evenly: at most {@code perSecond} start in any second. Callers block
 * in {@link #acquire} until their turn (the only waiting: it is the point of a limit).
 */
final class RateLimit {
  private final long spacingNanos;
  private final LongSupplier nanos;
  private long next;

  RateLimit(double perSecond, LongSupplier nanos) {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("a rate limit must be positive");
    }
    this.spacingNanos = (long) (1e9 / perSecond);
    this.nanos = nanos;
    this.next = nanos.getAsLong();
  }

  /** Waits for the next free slot. */
  void acquire() throws InterruptedException {
    long wait;
    synchronized (this) {
      long now = nanos.getAsLong();
      long at = Math.max(now, next);
      next = at + spacingNanos;
      wait = at - now;
    }
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }
}
