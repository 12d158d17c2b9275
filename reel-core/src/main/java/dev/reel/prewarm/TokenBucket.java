package dev.reel.prewarm;

/**
 * A request-rate limit: hands out one start time per request, {@code 1/rate} seconds apart, with no
 * burst beyond one request (GCRA, the "virtual scheduling" form of a token bucket). Callers wait
 * for the returned delay themselves, so nothing blocks inside. Thread-safe.
 */
final class TokenBucket {
  private final long intervalNanos;
  private long nextNanos = Long.MIN_VALUE;

  /**
   * @param ratePerSecond requests per second; 0 or less means no limit
   */
  TokenBucket(double ratePerSecond) {
    this.intervalNanos = ratePerSecond <= 0 ? 0 : (long) Math.ceil(1e9 / ratePerSecond);
  }

  /** Reserves the next start; returns nanoseconds to wait before starting (0: start now). */
  synchronized long reserve(long nowNanos) {
    if (intervalNanos == 0) {
      return 0;
    }
    if (nextNanos == Long.MIN_VALUE || nextNanos < nowNanos) {
      nextNanos = nowNanos;
    }
    long wait = nextNanos - nowNanos;
    nextNanos += intervalNanos;
    return wait;
  }
}
