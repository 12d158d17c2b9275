package dev.reel.lookup;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Sends requests to one online service the way a good client does: spaced to its rate limit, 429
 * and 5xx retried after their Retry-After (or a growing pause), and on a refused key (401) or an
 * unreachable service the caller goes offline with one warning: every later request is answered
 * "unknown" at once, and the run goes on without the service.
 */
final class ServiceCalls {
  /** What a request got. */
  sealed interface Result {
    /** A 200 answer's body. */
    record Ok(String body) implements Result {}

    /** 404: the service says there is no such thing. */
    record NotFound() implements Result {}

    /** No usable answer; {@code why} says ("offline", "HTTP 500", "stopped"). */
    record Failed(String why) implements Result {}
  }

  private final String service;
  private final HttpClient http;
  private final RateLimit limit;
  private final int attempts;
  private final String keyHint;
  private final Consumer<String> warnings;
  private final AtomicBoolean offline = new AtomicBoolean();
  private final AtomicLong requests = new AtomicLong();

  /**
   * @param service the service's name in warnings ("TMDB")
   * @param keyHint what to do about a refused key ("set REEL_AI_KEY to a valid key")
   */
  ServiceCalls(
      String service,
      HttpClient http,
      double requestsPerSecond,
      int attempts,
      String keyHint,
      Consumer<String> warnings) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
    this.service = service;
    this.http = http;
    this.limit = new RateLimit(requestsPerSecond, System::nanoTime);
    this.attempts = attempts;
    this.keyHint = keyHint;
    this.warnings = warnings;
  }

  /** Requests sent so far (retries included). */
  long requests() {
    return requests.get();
  }

  boolean offline() {
    return offline.get();
  }

  /**
   * Sends {@code request} (retrying as the service asks) and returns its outcome; {@code where}
   * names it in warnings ("TMDB search/tv"). Never throws for the network's sake.
   */
  Result send(HttpRequest request, String where) {
    if (offline.get()) {
      return new Result.Failed("offline");
    }
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response;
      try {
        limit.acquire();
        requests.incrementAndGet();
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Result.Failed("stopped");
      } catch (IOException e) {
        goOffline(
            "cannot reach "
                + service
                + " at "
                + request.uri().getHost()
                + " ("
                + e.getClass().getSimpleName()
                + "): going on with the names alone");
        return new Result.Failed("offline");
      }
      int status = response.statusCode();
      if (status == 200) {
        return new Result.Ok(response.body());
      }
      if (status == 404) {
        return new Result.NotFound();
      }
      if (status == 401) {
        goOffline(
            service + " refused the key (401): " + keyHint + "; going on with the names alone");
        return new Result.Failed("refused");
      }
      boolean again = status == 429 || status >= 500;
      if (!again || attempt >= attempts) {
        warnings.accept(where + ": HTTP " + status + (again ? " after " + attempt + " tries" : ""));
        return new Result.Failed("HTTP " + status);
      }
      try {
        Thread.sleep(pause(response, attempt).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Result.Failed("stopped");
      }
    }
  }

  /** Retry-After in seconds when the answer gives it (capped at a minute), else 0.5 s doubling. */
  static Duration pause(HttpResponse<?> response, int attempt) {
    Optional<String> after = response.headers().firstValue("Retry-After");
    if (after.isPresent()) {
      try {
        return Duration.ofSeconds(Math.min(60, Math.max(0, Long.parseLong(after.get().strip()))));
      } catch (NumberFormatException e) {
        // an HTTP date: fall back to the growing pause
      }
    }
    return Duration.ofMillis(500L << Math.min(6, attempt - 1));
  }

  private void goOffline(String why) {
    if (offline.compareAndSet(false, true)) {
      warnings.accept(why);
    }
  }
}
