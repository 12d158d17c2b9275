package dev.reel.prewarm;

import dev.reel.http.HttpOutcome;
import dev.reel.http.HttpRequestSpec;
import dev.reel.http.NettyHttpClient;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Carries one (object, derivative) pair from its first try to its final result: rate limit, send,
 * retry with backoff, the optional verify request, then the result to {@code finish}. Callbacks run
 * on event-loop threads and the retry scheduler; a pair is touched by one of them at a time.
 */
final class PairRunner {
  private final PrewarmRequest request;
  private final NettyHttpClient client;
  private final ScheduledExecutorService scheduler;
  private final TokenBucket bucket;
  private final Consumer<RequestResult> finish;
  private final BooleanSupplier stopping;

  PairRunner(
      PrewarmRequest request,
      NettyHttpClient client,
      ScheduledExecutorService scheduler,
      TokenBucket bucket,
      Consumer<RequestResult> finish,
      BooleanSupplier stopping) {
    this.stopping = stopping;
    this.request = request;
    this.client = client;
    this.scheduler = scheduler;
    this.bucket = bucket;
    this.finish = finish;
  }

  /** The URL of a pair; throws IllegalArgumentException when none can be made. */
  URI uri(ListedObject o, Derivative d) {
    String base = request.baseUrl() != null ? request.baseUrl() : o.origin();
    if (base == null) {
      throw new IllegalArgumentException("no --base-url, and the listing gave a path, not a URL");
    }
    return URI.create(request.urlFormat().url(base, o.path(), d, request.origin()));
  }

  /** A pair ready to start (its request built), as a task. */
  Runnable prepare(ListedObject o, Derivative d, URI uri) {
    return new Pair(o, d, uri)::attempt;
  }

  /** One pair in flight. */
  private final class Pair {
    final ListedObject object;
    final Derivative derivative;
    final URI uri;
    final HttpRequestSpec spec;
    int attempts;
    HttpOutcome last;

    Pair(ListedObject object, Derivative derivative, URI uri) {
      this.object = object;
      this.derivative = derivative;
      this.uri = uri;
      this.spec = PrewarmJob.spec(request, uri);
    }

    void attempt() {
      if (attempts > 0 && stopping.getAsBoolean()) {
        done(null); // stopping: no more retries, keep the last outcome
        return;
      }
      long wait = bucket.reserve(System.nanoTime());
      if (wait > 0) {
        later(wait, this::send);
      } else {
        send();
      }
    }

    void send() {
      attempts++;
      client.send(spec).whenComplete((outcome, error) -> onOutcome(outcome));
    }

    void onOutcome(HttpOutcome outcome) {
      last = outcome;
      if (request.retry().retries(outcome, attempts) && !client.isClosing()) {
        Duration d =
            request
                .retry()
                .delay(outcome, attempts, ThreadLocalRandom.current(), System.currentTimeMillis());
        later(d.toNanos(), this::attempt);
        return;
      }
      if (request.verify() && ErrorClass.of(outcome) == null) {
        client.send(spec).whenComplete((v, e) -> done(CacheStatus.of(verdictHeaders(v))));
        return;
      }
      done(null);
    }

    private java.util.Map<String, String> verdictHeaders(HttpOutcome v) {
      return v instanceof HttpOutcome.Response r
          ? r.headers()
          : java.util.Map.of("x-cache", "error");
    }

    void later(long nanos, Runnable task) {
      try {
        scheduler.schedule(task, nanos, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        done(null); // the run is over: keep the last outcome
      }
    }

    void done(String verifyCache) {
      finish.accept(result(verifyCache));
    }

    private RequestResult result(String verifyCache) {
      HttpOutcome o = last;
      if (o == null) {
        o = new HttpOutcome.Failed(HttpOutcome.FailureKind.CANCELLED, "not sent", -1, 0);
      }
      ErrorClass error = ErrorClass.of(o);
      return switch (o) {
        case HttpOutcome.Response r ->
            new RequestResult(
                object.path(),
                object.sizeBytes(),
                object.category(),
                derivative.name(),
                uri.toString(),
                r.status(),
                r.ttfbNanos() / 1000,
                r.totalNanos() / 1000,
                r.bodyBytes(),
                derivativeBytes(r),
                CacheStatus.of(r.headers()),
                attempts,
                error,
                error == null ? null : "HTTP " + r.status(),
                verifyCache);
        case HttpOutcome.Failed f ->
            new RequestResult(
                object.path(),
                object.sizeBytes(),
                object.category(),
                derivative.name(),
                uri.toString(),
                0,
                f.ttfbNanos() < 0 ? -1 : f.ttfbNanos() / 1000,
                f.totalNanos() / 1000,
                0,
                -1,
                "none",
                attempts,
                error,
                f.message(),
                verifyCache);
      };
    }

    private long derivativeBytes(HttpOutcome.Response r) {
      return switch (request.method()) {
        case GET -> r.status() == 206 ? rangeTotal(r) : r.bodyBytes();
        case HEAD -> number(r.header("content-length"));
        case RANGE -> r.status() == 206 ? rangeTotal(r) : number(r.header("content-length"));
      };
    }

    private static long rangeTotal(HttpOutcome.Response r) {
      String cr = r.header("content-range");
      if (cr == null) {
        return -1;
      }
      int slash = cr.lastIndexOf('/');
      return slash < 0 ? -1 : number(cr.substring(slash + 1));
    }

    private static long number(String s) {
      if (s == null) {
        return -1;
      }
      try {
        return Long.parseLong(s.strip());
      } catch (NumberFormatException e) {
        return -1;
      }
    }
  }
}
