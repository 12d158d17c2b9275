package dev.reel.http;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One request on its way: its timing so far and the future that receives the outcome. After it is
 * handed to a connection, only that connection's event loop touches it.
 */
final class Exchange {
  final HttpRequestSpec spec;
  final CompletableFuture<HttpOutcome> result = new CompletableFuture<>();
  long startNanos;
  long ttfbNanos = -1;
  long bodyBytes;
  int status;
  boolean keepAlive;

  /** Inside a 1xx response, before the final one. */
  boolean informational;

  final Map<String, String> headers = new HashMap<>(8);

  /** Times a request failed on a reused connection before any byte came back, then resent. */
  int staleResends;

  /** Whether it was sent on a connection that had served an earlier request. */
  boolean reused;

  /** When the request was written on its connection. */
  long sentNanos;

  Exchange(HttpRequestSpec spec) {
    this.spec = spec;
  }

  boolean done() {
    return result.isDone();
  }

  void succeed(long nowNanos) {
    result.complete(
        new HttpOutcome.Response(status, ttfbNanos, nowNanos - startNanos, bodyBytes, headers));
  }

  void fail(HttpOutcome.FailureKind kind, String message, long nowNanos) {
    result.complete(new HttpOutcome.Failed(kind, message, ttfbNanos, nowNanos - startNanos));
  }
}
