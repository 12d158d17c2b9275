package dev.reel.prewarm;

import dev.reel.http.HttpOutcome;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.random.RandomGenerator;

/**
 * When to try a request again: on 5xx, 429, timeouts and connection errors (not on TLS failures or
 * other 4xx), up to {@code maxRetries} times. The wait doubles from {@code baseDelay} up to {@code
 * maxDelay}, with jitter (a random point in the upper half), so that many failed requests do not
 * come back at once. A {@code Retry-After} on 429 or 503 is honoured, up to {@code maxRetryAfter}.
 */
public record RetryPolicy(
    int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter)
    implements java.io.Serializable {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofSeconds(120));

  public RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("--retries must be 0 or more, not " + maxRetries);
    }
  }

  /** Whether to try again after {@code attempts} tries ended in {@code outcome}. */
  boolean retries(HttpOutcome outcome, int attempts) {
    if (attempts > maxRetries) {
      return false;
    }
    return switch (outcome) {
      case HttpOutcome.Response r -> r.status() >= 500 || r.status() == 429;
      case HttpOutcome.Failed f ->
          f.kind() != HttpOutcome.FailureKind.TLS && f.kind() != HttpOutcome.FailureKind.CANCELLED;
    };
  }

  /** How long to wait before try {@code attempts + 1}. */
  Duration delay(HttpOutcome outcome, int attempts, RandomGenerator random, long nowEpochMillis) {
    if (outcome instanceof HttpOutcome.Response r && (r.status() == 429 || r.status() == 503)) {
      Duration after = retryAfter(r.header("retry-after"), nowEpochMillis);
      if (after != null) {
        return after.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : after;
      }
    }
    long base = baseDelay.toNanos();
    long d = base << Math.min(30, Math.max(0, attempts - 1));
    d = Math.min(d <= 0 ? Long.MAX_VALUE : d, maxDelay.toNanos());
    long half = d / 2;
    return Duration.ofNanos(half + (half > 0 ? random.nextLong(half + 1) : 0));
  }

  /** Parses a Retry-After value: seconds, or an HTTP date. Null when absent or unreadable. */
  static Duration retryAfter(String value, long nowEpochMillis) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      long s = Long.parseLong(v);
      return s < 0 ? null : Duration.ofSeconds(s);
    } catch (NumberFormatException e) {
      // not seconds: try a date
    }
    try {
      long at =
          ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
      return Duration.ofMillis(Math.max(0, at - nowEpochMillis));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
