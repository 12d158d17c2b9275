package dev.reel.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.concurrent.StopToken;
import dev.reel.http.TestHttpServer;
import dev.reel.http.TestHttpServer.Text;
import dev.reel.organize.Subject;
import dev.reel.store.Lookups;
import dev.reel.store.Store;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 500-episode library (5 shows of 4 seasons of 25 episodes) and two movies against a server that
 * answers like TMDB's search/tv, search/movie and tv/{id}/season/{n} (written from TMDB's API
 * reference).
 */
class TmdbRefinerTest {
  @TempDir Path dir;
  private TestHttpServer server;
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private static final List<String> SHOWS =
      List.of("Breaking Bad", "The Wire", "Deadwood", "Justified", "Treme");

  @BeforeEach
  void start() throws IOException {
    server =
        new TestHttpServer(
            req -> {
              String path = TmdbFake.path(req);
              String query = TmdbFake.param(req, "query");
              calls.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
              if (path.equals("search/tv")) {
                StringBuilder results = new StringBuilder();
                if (query.equalsIgnoreCase("ghosts")) {
                  results.append(show(101, "Ghosts", "2019-04-15", 40)).append(',');
                  results.append(show(102, "Ghosts", "2021-10-07", 42));
                } else {
                  int i = SHOWS.indexOf(canonical(query));
                  if (i >= 0) {
                    results.append(show(1000 + i, SHOWS.get(i), (2002 + i) + "-06-02", 100 - i));
                  }
                }
                return Text.json("{\"page\":1,\"results\":[" + results + "]}");
              }
              if (path.equals("search/movie")) {
                return Text.json(
                    query.equalsIgnoreCase("heat")
                        ? "{\"results\":[{\"id\":949,\"title\":\"Heat\",\"original_title\":"
                            + "\"Heat\",\"release_date\":\"1995-12-15\",\"popularity\":50}]}"
                        : "{\"results\":[]}");
              }
              if (path.matches("tv/\\d+/season/\\d+")) {
                String[] p = path.split("/");
                StringBuilder eps = new StringBuilder();
                for (int e = 1; e <= 25; e++) {
                  eps.append(e > 1 ? "," : "")
                      .append("{\"episode_number\":")
                      .append(e)
                      .append(",\"name\":\"Show ")
                      .append(p[1])
                      .append(" S")
                      .append(p[3])
                      .append("E")
                      .append(e)
                      .append("\"}");
                }
                return Text.json("{\"season_number\":" + p[3] + ",\"episodes\":[" + eps + "]}");
              }
              return Text.status(404, "{\"status_code\":34}");
            });
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  /** The names in a Downloads folder are lower case with dots: the server matches loosely. */
  private static String canonical(String q) {
    for (String s : SHOWS) {
      if (TitleSimilarity.plain(s).equals(TitleSimilarity.plain(q))) {
        return s;
      }
    }
    return q;
  }

  private static String show(int id, String name, String date, double popularity) {
    return "{\"id\":"
        + id
        + ",\"name\":\""
        + name
        + "\",\"original_name\":\""
        + name
        + "\",\"first_air_date\":\""
        + date
        + "\",\"popularity\":"
        + popularity
        + "}";
  }

  private static Subject episode(String title, int season, int episode) {
    return new Subject(
        Subject.Kind.EPISODE,
        title,
        null,
        season,
        List.of(episode),
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static Subject movie(String title, Integer year) {
    return new Subject(
        Subject.Kind.MOVIE, title, year, null, List.of(), null, null, null, null, null, null, null);
  }

  private TmdbRefiner refiner(Store store, List<String> notes) {
    TmdbClient client =
        new TmdbClient(
            TmdbClient.Settings.of(URI.create(server.baseUrl() + "/3"), "key", null, "en-US"),
            HttpClient.newHttpClient(),
            new Lookups(store, System::currentTimeMillis),
            notes::add);
    return new TmdbRefiner(client, 0.7, true, notes::add);
  }

  @Test
  void oneSearchPerShowOneCallPerSeasonAndASecondRunAsksNothing() throws Exception {
    Set<Subject> library = new LinkedHashSet<>();
    for (String show : SHOWS) {
      for (int season = 1; season <= 4; season++) {
        for (int e = 1; e <= 25; e++) {
          library.add(episode(show.toLowerCase().replace(' ', '.'), season, e));
        }
      }
    }
    library.add(episode("ghosts", 1, 1));
    library.add(movie("heat", 1995));
    library.add(movie("a film nobody made", 2001));
    assertThat(library).hasSize(503);
    List<String> notes = new ArrayList<>();
    Map<Subject, Subject> refined;
    try (Store store = Store.open(dir, w -> {}).orElseThrow()) {
      refined = refiner(store, notes).refine(library, new StopToken());
    }
    // 5 shows + ghosts; heat; the unknown film twice (with its year, then without)
    assertThat(calls.get("search/tv").get()).isEqualTo(6);
    assertThat(calls.get("search/movie").get()).isEqualTo(3);
    long seasonCalls =
        calls.entrySet().stream().filter(e -> e.getKey().contains("/season/")).count();
    assertThat(seasonCalls).as(calls.keySet().toString()).isEqualTo(20);
    assertThat(calls.entrySet().stream().filter(e -> e.getKey().contains("/season/")))
        .allMatch(e -> e.getValue().get() == 1);

    Subject bb = refined.get(episode("breaking.bad", 2, 7));
    assertThat(bb.title()).isEqualTo("Breaking Bad");
    assertThat(bb.year()).isEqualTo(2002);
    assertThat(bb.episodeTitle()).isEqualTo("Show 1000 S2E7");
    assertThat(refined.get(movie("heat", 1995)).title()).isEqualTo("Heat");
    // two shows called Ghosts, nothing in the name to tell them apart: left alone
    assertThat(refined.get(episode("ghosts", 1, 1)).kind()).isEqualTo(Subject.Kind.AMBIGUOUS);
    assertThat(refined).doesNotContainKey(movie("a film nobody made", 2001));
    assertThat(notes).anyMatch(n -> n.contains("1 ambiguous") && n.contains("'ghosts'"));

    calls.clear();
    try (Store store = Store.open(dir, w -> {}).orElseThrow()) {
      Map<Subject, Subject> again =
          refiner(store, new ArrayList<>()).refine(library, new StopToken());
      assertThat(again).isEqualTo(refined);
    }
    assertThat(calls).isEmpty(); // the cache answered everything
    try (Store store = Store.open(dir, w -> {}).orElseThrow()) {
      assertThat(dev.reel.store.CacheRuns.read(store))
          .anySatisfy(
              r -> {
                assertThat(r.cache()).isEqualTo("lookup");
                assertThat(r.misses()).isZero();
                assertThat(r.hits()).isEqualTo(6 + 3 + 20);
              });
    }
  }
}
