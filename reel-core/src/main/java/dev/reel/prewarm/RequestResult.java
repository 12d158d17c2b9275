package dev.reel.prewarm;

import java.util.Objects;

/**
 * The final result of one (object, derivative) request, after retries: one line of the results
 * file.
 *
 * @param status the last HTTP status, 0 when no response came
 * @param ttfbMicros time to the status line of the last try, -1 when none came
 * @param totalMicros time of the last try
 * @param bodyBytes body bytes read on the last try
 * @param derivativeBytes the derivative's size: body bytes (GET), Content-Length (HEAD) or the
 *     Content-Range total (range); -1 when unknown
 * @param cache the cache verdict of the (first) response: hit, miss, ... or none
 * @param attempts tries made, 1 with no retry
 * @param error null on success (2xx, 3xx)
 * @param message what went wrong, null on success
 * @param verifyCache the cache verdict of the --verify request, null without one
 * @param redirects redirects followed
 * @param finalUrl the URL the last redirect led to; null without redirects
 * @param atMillis when it finished, in milliseconds since the run (or its resumed part) began; -1
 *     when unknown
 */
public record RequestResult(
    String object,
    long sizeBytes,
    SizeCategory category,
    String derivative,
    String url,
    int status,
    long ttfbMicros,
    long totalMicros,
    long bodyBytes,
    long derivativeBytes,
    String cache,
    int attempts,
    ErrorClass error,
    String message,
    String verifyCache,
    int redirects,
    String finalUrl,
    long atMillis) {

  public RequestResult {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(derivative, "derivative");
    Objects.requireNonNull(cache, "cache");
  }

  public boolean ok() {
    return error == null;
  }
}
