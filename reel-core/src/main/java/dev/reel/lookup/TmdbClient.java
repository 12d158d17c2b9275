package dev.reel.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reel.store.Lookups;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Asks TMDB's API (v3) questions and keeps the answers: each question is asked once (answers are
 * cached in the store with a time to live, found and not found alike; identical questions in flight
 * at the same time share one request), requests are spaced to a rate limit, and 429 and 5xx answers
 * are retried after their Retry-After (or a growing pause). A refused key (401) or an unreachable
 * service turns the client offline with one warning, and every later question is answered "unknown"
 * at once: the run goes on with the names' own reading.
 *
 * <p>The key travels in a header (a v4 read access token) or the query (a v3 key) and never in a
 * cached question, a warning or an exception message.
 *
 * <p>The JDK's HTTP client is used, not reel's Netty client: that one measures and throws bodies
 * away by design (prewarm), and fifty small JSON answers a second need nothing more.
 */
public final class TmdbClient {
  static final String SERVICE = "tmdb";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * How to reach TMDB.
   *
   * @param base the API root, {@code https://api.themoviedb.org/3} (a test server's in tests)
   * @param apiKey a v3 API key, or null
   * @param bearer a v4 read access token, or null (one of the two is needed)
   * @param language the language of titles, {@code en-US}
   * @param found how long a found answer is kept
   * @param missing how long a "not found" answer is kept
   */
  public record Settings(
      URI base,
      String apiKey,
      String bearer,
      String language,
      double requestsPerSecond,
      Duration timeout,
      int attempts,
      Duration found,
      Duration missing) {
    public static final URI TMDB = URI.create("https://api.themoviedb.org/3");

    public Settings {
      if ((apiKey == null || apiKey.isBlank()) && (bearer == null || bearer.isBlank())) {
        throw new IllegalArgumentException(
            "TMDB needs a key: set TMDB_API_KEY (v3) or TMDB_READ_ACCESS_TOKEN (v4)");
      }
      if (attempts < 1) {
        throw new IllegalArgumentException("attempts must be at least 1");
      }
    }

    /** TMDB's defaults: 40 requests/s (under its ~50), 10 s per request, 4 attempts, 30 d / 1 d. */
    public static Settings of(URI base, String apiKey, String bearer, String language) {
      return new Settings(
          base,
          apiKey,
          bearer,
          language,
          40,
          Duration.ofSeconds(10),
          4,
          Duration.ofDays(30),
          Duration.ofDays(1));
    }
  }

  /** What a question got. */
  public sealed interface Reply {
    /** TMDB answered (from the network or the cache). */
    record Answer(JsonNode body) implements Reply {}

    /** TMDB says there is no such thing (404). */
    record Missing() implements Reply {}

    /** No answer: offline, refused, or an answer that could not be used; {@code why} says. */
    record Unknown(String why) implements Reply {}
  }

  private final Settings settings;
  private final ServiceCalls calls;
  private final Lookups cache;
  private final Consumer<String> warnings;
  private final Map<String, CompletableFuture<Reply>> inFlight = new ConcurrentHashMap<>();
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicLong discarded = new AtomicLong();

  /**
   * @param cache the store's lookup cache, or null to keep nothing
   * @param warnings one line each: going offline, answers discarded
   */
  public TmdbClient(Settings settings, HttpClient http, Lookups cache, Consumer<String> warnings) {
    this.settings = settings;
    this.cache = cache;
    this.calls =
        new ServiceCalls(
            "TMDB",
            http,
            settings.requestsPerSecond(),
            settings.attempts(),
            "set TMDB_API_KEY or TMDB_READ_ACCESS_TOKEN to a valid one",
            warnings);
    this.warnings = warnings;
  }

  /** Requests sent to TMDB so far (retries included). */
  public long requests() {
    return calls.requests();
  }

  /** Answers that came back but could not be used (not JSON, cut short). */
  public long discarded() {
    return discarded.get();
  }

  /** Records the cache's hit rate of this run (for {@code reel cache stats}). */
  public void finishRun() {
    if (cache != null) {
      cache.finishRun();
    }
  }

  /** Whether the client has gone offline (a refused key, no network). */
  public boolean offline() {
    return calls.offline();
  }

  /** Callers waiting for an answer another caller's request will bring (tests watch it). */
  int waiting() {
    return waiting.get();
  }

  /**
   * Asks {@code path} ({@code search/tv}) with {@code query}; the language is added. Blocks until
   * answered.
   */
  public Reply get(String path, Map<String, String> query) {
    SortedMap<String, String> q = new TreeMap<>(query);
    q.put("language", settings.language());
    String question = path + "?" + encode(q);
    if (cache != null) {
      Optional<Lookups.Answer> kept = cache.get(SERVICE, question);
      if (kept.isPresent()) {
        return kept.get().found() ? parse(kept.get().text(), question) : new Reply.Missing();
      }
    }
    if (calls.offline()) {
      return new Reply.Unknown("offline");
    }
    CompletableFuture<Reply> mine = new CompletableFuture<>();
    CompletableFuture<Reply> running = inFlight.putIfAbsent(question, mine);
    if (running != null) {
      waiting.incrementAndGet();
      try {
        return running.join();
      } finally {
        waiting.decrementAndGet();
      }
    }
    try {
      Reply r = ask(question);
      mine.complete(r);
      return r;
    } catch (RuntimeException e) {
      mine.complete(new Reply.Unknown(e.getMessage()));
      throw e;
    } finally {
      inFlight.remove(question, mine);
    }
  }

  private Reply ask(String question) {
    String withKey =
        settings.apiKey() != null && !settings.apiKey().isBlank()
            ? question + "&api_key=" + URLEncoder.encode(settings.apiKey(), StandardCharsets.UTF_8)
            : question;
    URI uri = URI.create(settings.base().toString().replaceAll("/+$", "") + "/" + withKey);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.timeout())
            .header("Accept", "application/json");
    if (settings.bearer() != null && !settings.bearer().isBlank()) {
      request.header("Authorization", "Bearer " + settings.bearer());
    }
    String where = "TMDB " + question.substring(0, question.indexOf('?'));
    return switch (calls.send(request.GET().build(), where)) {
      case ServiceCalls.Result.Ok ok -> {
        Reply r = parse(ok.body(), question);
        if (r instanceof Reply.Answer && cache != null) {
          cache.put(
              SERVICE, question, new Lookups.Answer(true, ok.body()), settings.found().toMillis());
        }
        yield r;
      }
      case ServiceCalls.Result.NotFound nf -> {
        if (cache != null) {
          cache.put(
              SERVICE, question, new Lookups.Answer(false, ""), settings.missing().toMillis());
        }
        yield new Reply.Missing();
      }
      case ServiceCalls.Result.Failed f -> new Reply.Unknown(f.why());
    };
  }

  private Reply parse(String body, String question) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new IOException("not a JSON object");
      }
      return new Reply.Answer(node);
    } catch (IOException e) {
      discarded.incrementAndGet();
      warnings.accept(
          "TMDB "
              + question.substring(0, question.indexOf('?'))
              + ": an answer that is not JSON"
              + " was discarded");
      return new Reply.Unknown("not JSON");
    }
  }

  private static String encode(SortedMap<String, String> q) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> e : q.entrySet()) {
      if (b.length() > 0) {
        b.append('&');
      }
      b.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return b.toString();
  }
}
