package dev.reel.prewarm;

import dev.reel.http.HttpOutcome;
import dev.reel.http.HttpRequestSpec;
import dev.reel.http.NettyHttpClient;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private final long runStartNanos;
  private final List<HttpRequestSpec.Header> headers;
  private final Map<String, HttpRequestSpec.Endpoint> endpoints = new HashMap<>();

  PairRunner(
      PrewarmRequest request,
      NettyHttpClient client,
      ScheduledExecutorService scheduler,
      TokenBucket bucket,
      Consumer<RequestResult> finish,
      BooleanSupplier stopping,
      long runStartNanos) {
    this.runStartNanos = runStartNanos;
    this.stopping = stopping;
    this.headers = PrewarmJob.headers(request);
    this.request = request;
    this.client = client;
    this.scheduler = scheduler;
    this.bucket = bucket;
    this.finish = finish;
  }

  /**
   * A pair ready to start (its request built), as a task. Runs on the listing thread.
   *
   * @throws IllegalArgumentException when no valid URL can be made for it
   */
  Runnable prepare(ListedObject o, Derivative d) {
    String url = request.url(o, d);
    return new Pair(o, d, url, spec(url))::attempt;
  }

  /**
   * The request for a URL. URLs that start with a known origin and hold only plain ASCII are split
   * without {@link URI} parsing (a third of the listing thread's time at 50,000 requests a second).
   */
  private HttpRequestSpec spec(String url) {
    int schemeEnd = url.indexOf("://");
    int pathStart = schemeEnd < 0 ? -1 : url.indexOf('/', schemeEnd + 3);
    if (pathStart > 0 && plain(url)) {
      String origin = url.substring(0, pathStart);
      HttpRequestSpec.Endpoint e = endpoints.get(origin);
      if (e == null && endpoints.size() < 1024) {
        e = HttpRequestSpec.Endpoint.of(URI.create(origin));
        endpoints.put(origin, e);
      }
      if (e != null && origin.indexOf('@') < 0) {
        return new HttpRequestSpec(
            request.method().httpMethod(), e, url.substring(pathStart), headers);
      }
    }
    return HttpRequestSpec.of(request.method().httpMethod(), URI.create(url), headers);
  }

  private static boolean plain(String url) {
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c <= ' ' || c >= 0x7f || c == '#' || c == '\\' || c == '"' || c == '<' || c == '>') {
        return false;
      }
    }
    return true;
  }

  /** One pair in flight. */
  private final class Pair {
    final ListedObject object;
    final Derivative derivative;
    final String url;

    /** The request now: the first one, or where the last redirect pointed. */
    HttpRequestSpec spec;

    /** Where credentials may go: the endpoint of the first request. */
    final HttpRequestSpec.Endpoint home;

    int attempts;
    int redirects;
    HttpOutcome last;

    Pair(ListedObject object, Derivative derivative, String url, HttpRequestSpec spec) {
      this.object = object;
      this.derivative = derivative;
      this.url = url;
      this.spec = spec;
      this.home = spec.endpoint();
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
      if (outcome instanceof HttpOutcome.Response r && followRedirect(r)) {
        return;
      }
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

    /**
     * Follows a redirect (not counted as an attempt), up to --max-redirects. Credentials
     * (Authorization, Cookie) are not sent to another host, as browsers do.
     */
    private boolean followRedirect(HttpOutcome.Response r) {
      if (!redirect(r.status())) {
        return false;
      }
      String location = r.header("location");
      if (location == null || redirects >= request.maxRedirects() || stopping.getAsBoolean()) {
        return false;
      }
      URI target;
      HttpRequestSpec next;
      try {
        target = URI.create(spec.url()).resolve(location.strip());
        List<HttpRequestSpec.Header> hs = headers;
        HttpRequestSpec.Endpoint to = HttpRequestSpec.Endpoint.of(target);
        if (!to.equals(home)) {
          hs =
              headers.stream()
                  .filter(h -> !h.name().equalsIgnoreCase("authorization"))
                  .filter(h -> !h.name().equalsIgnoreCase("cookie"))
                  .toList();
        }
        next = HttpRequestSpec.of(spec.method(), target, hs);
      } catch (IllegalArgumentException e) {
        return false; // an unusable Location: the redirect response is the result
      }
      redirects++;
      spec = next;
      client.send(spec).whenComplete((outcome, error) -> onOutcome(outcome));
      return true;
    }

    private static boolean redirect(int status) {
      return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
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
                url,
                r.status(),
                r.ttfbNanos() / 1000,
                r.totalNanos() / 1000,
                r.bodyBytes(),
                derivativeBytes(r),
                CacheStatus.of(r.headers()),
                attempts,
                error,
                error == null ? null : "HTTP " + r.status(),
                verifyCache,
                redirects,
                redirects > 0 ? spec.url() : null,
                (System.nanoTime() - runStartNanos) / 1_000_000);
        case HttpOutcome.Failed f ->
            new RequestResult(
                object.path(),
                object.sizeBytes(),
                object.category(),
                derivative.name(),
                url,
                0,
                f.ttfbNanos() < 0 ? -1 : f.ttfbNanos() / 1000,
                f.totalNanos() / 1000,
                0,
                -1,
                "none",
                attempts,
                error,
                f.message(),
                verifyCache,
                redirects,
                redirects > 0 ? spec.url() : null,
                (System.nanoTime() - runStartNanos) / 1_000_000);
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
