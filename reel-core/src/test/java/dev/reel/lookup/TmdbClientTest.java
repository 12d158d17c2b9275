package dev.reel.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.http.TestHttpServer;
import dev.reel.http.TestHttpServer.Text;
import dev.reel.store.Lookups;
import dev.reel.store.Store;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real HTTP server on 127.0.0.1 that answers like TMDB's documented endpoints. */
class TmdbClientTest {
  private static final String KEY = "k3y-that-must-never-leak";
  @TempDir Path dir;
  private TestHttpServer server;
  private final AtomicInteger flaky = new AtomicInteger();
  private final CountDownLatch arrived = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    server =
        new TestHttpServer(
            req -> {
              String path = TmdbFake.path(req);
              boolean keyed =
                  KEY.equals(TmdbFake.param(req, "api_key"))
                      || ("Bearer " + KEY).equals(req.header("Authorization"));
              if (!keyed) {
                return Text.status(
                    401, "{\"status_code\":7,\"status_message\":\"Invalid API key\"}");
              }
              return switch (path) {
                case "search/tv" ->
                    Text.json(
                        "{\"page\":1,\"results\":[{\"id\":1396,\"name\":\"Breaking Bad\","
                            + "\"first_air_date\":\"2008-01-20\",\"popularity\":300.5}],"
                            + "\"total_results\":1}");
                case "tv/404/season/1" -> Text.status(404, "{\"status_code\":34}");
                case "busy" ->
                    flaky.getAndIncrement() == 0
                        ? Text.status(429, "{}").withHeader("Retry-After", "1")
                        : Text.json("{\"ok\":true}");
                case "html" -> Text.json("<html>maintenance</html>");
                case "held" -> {
                  arrived.countDown();
                  try {
                    release.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  yield Text.json("{\"page\":1,\"results\":[]}");
                }
                default -> Text.status(500, "{}").withHeader("Retry-After", "0");
              };
            });
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private TmdbClient client(Store store, String key, String bearer, List<String> warnings) {
    return new TmdbClient(
        TmdbClient.Settings.of(URI.create(server.baseUrl() + "/3"), key, bearer, "en-US"),
        HttpClient.newHttpClient(),
        store == null ? null : new Lookups(store, System::currentTimeMillis),
        warnings::add);
  }

  private List<String> targets() {
    return server.requests().stream().map(TestHttpServer.Request::target).toList();
  }

  @Test
  void identicalQuestionsInFlightAtTheSameTimeShareOneRequest() throws Exception {
    TmdbClient c = client(null, KEY, null, new CopyOnWriteArrayList<>());
    CompletableFuture<TmdbClient.Reply> first =
        CompletableFuture.supplyAsync(() -> c.get("held", Map.of("query", "x")));
    assertThat(arrived.await(60, TimeUnit.SECONDS)).isTrue(); // the first is at the server, held
    CompletableFuture<TmdbClient.Reply> second =
        CompletableFuture.supplyAsync(() -> c.get("held", Map.of("query", "x")));
    long guard = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // against a hang, not timing
    while (c.waiting() < 1 && server.requests().size() < 2 && System.nanoTime() < guard) {
      Thread.onSpinWait();
    }
    release.countDown();
    assertThat(first.get()).isInstanceOf(TmdbClient.Reply.Answer.class);
    assertThat(second.get()).isInstanceOf(TmdbClient.Reply.Answer.class);
    assertThat(server.requests()).hasSize(1);
    assertThat(c.requests()).isEqualTo(1);
  }

  @Test
  void asksOnceAndTheNextRunAsksNothing() throws Exception {
    List<String> warnings = new CopyOnWriteArrayList<>();
    try (Store store = Store.open(dir, w -> {}).orElseThrow()) {
      TmdbClient c = client(store, KEY, null, warnings);
      TmdbClient.Reply r = c.get("search/tv", Map.of("query", "breaking bad"));
      assertThat(r).isInstanceOf(TmdbClient.Reply.Answer.class);
      assertThat(((TmdbClient.Reply.Answer) r).body().at("/results/0/id").asInt()).isEqualTo(1396);
      c.get("search/tv", Map.of("query", "breaking bad"));
      assertThat(c.get("tv/404/season/1", Map.of())).isInstanceOf(TmdbClient.Reply.Missing.class);
      assertThat(c.requests()).isEqualTo(2);
    }
    try (Store store = Store.open(dir, w -> {}).orElseThrow()) {
      TmdbClient again = client(store, KEY, null, warnings);
      assertThat(again.get("search/tv", Map.of("query", "breaking bad")))
          .isInstanceOf(TmdbClient.Reply.Answer.class);
      assertThat(again.get("tv/404/season/1", Map.of()))
          .isInstanceOf(TmdbClient.Reply.Missing.class); // "not found" is kept too
      assertThat(again.requests()).isZero();
    }
    assertThat(targets()).hasSize(2).allMatch(t -> t.contains("language=en-US"));
    // the key is sent, and kept nowhere: not in the cache file, not in a warning
    assertThat(targets()).allMatch(t -> t.contains(KEY));
    StringBuilder stored = new StringBuilder();
    for (Path f : List.of(Store.fileIn(dir), Path.of(Store.fileIn(dir) + "-wal"))) {
      if (Files.exists(f)) {
        stored.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
    }
    assertThat(stored.toString()).contains("search/tv?").doesNotContain(KEY);
    assertThat(warnings).noneMatch(w -> w.contains(KEY));
  }

  @Test
  void retriesA429AfterItsRetryAfterAndGivesUpOn5xxAfterItsAttempts() {
    List<String> warnings = new CopyOnWriteArrayList<>();
    TmdbClient c = client(null, null, KEY, warnings); // a v4 token, in the header
    long t0 = System.nanoTime();
    assertThat(c.get("busy", Map.of())).isInstanceOf(TmdbClient.Reply.Answer.class);
    // it waited the second the server asked for (a lower bound: never shorter)
    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(targets()).filteredOn(t -> t.startsWith("/3/busy")).hasSize(2);
    assertThat(c.get("broken", Map.of())).isInstanceOf(TmdbClient.Reply.Unknown.class);
    assertThat(targets()).filteredOn(t -> t.startsWith("/3/broken")).hasSize(4);
    assertThat(warnings).anyMatch(w -> w.contains("TMDB broken: HTTP 500 after 4 tries"));
    assertThat(c.offline()).isFalse();
  }

  @Test
  void aRefusedKeyGoesOfflineWithOneLineAndAsksNothingMore() {
    List<String> warnings = new CopyOnWriteArrayList<>();
    TmdbClient c = client(null, "revoked", null, warnings);
    assertThat(c.get("search/tv", Map.of("query", "a")))
        .isInstanceOf(TmdbClient.Reply.Unknown.class);
    assertThat(c.get("search/tv", Map.of("query", "b")))
        .isInstanceOf(TmdbClient.Reply.Unknown.class);
    assertThat(c.requests()).isEqualTo(1);
    assertThat(c.offline()).isTrue();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).contains("401").contains("TMDB_API_KEY").doesNotContain("revoked");
  }

  @Test
  void anAnswerThatIsNotJsonIsDiscardedCountedAndNotKept() throws Exception {
    List<String> warnings = new CopyOnWriteArrayList<>();
    try (Store store = Store.open(dir, w -> {}).orElseThrow()) {
      TmdbClient c = client(store, KEY, null, warnings);
      assertThat(c.get("html", Map.of())).isInstanceOf(TmdbClient.Reply.Unknown.class);
      assertThat(c.discarded()).isEqualTo(1);
      assertThat(store.counts().get("lookups")).isZero();
      assertThat(warnings).anyMatch(w -> w.contains("not JSON"));
    }
  }

  @Test
  void noServiceMeansOfflineWithOneWarning() throws Exception {
    List<String> warnings = new CopyOnWriteArrayList<>();
    // port 0 refuses at once (a closed test server's port may be taken by another test by then)
    TmdbClient c =
        new TmdbClient(
            TmdbClient.Settings.of(URI.create("http://127.0.0.1:0/3"), KEY, null, "en-US"),
            HttpClient.newHttpClient(),
            null,
            warnings::add);
    assertThat(c.get("search/tv", Map.of("query", "x")))
        .isInstanceOf(TmdbClient.Reply.Unknown.class);
    assertThat(c.get("search/tv", Map.of("query", "y")))
        .isInstanceOf(TmdbClient.Reply.Unknown.class);
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).contains("cannot reach TMDB").contains("names alone");
  }
}
