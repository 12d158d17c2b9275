package dev.reel.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reel.concurrent.StopToken;
import dev.reel.http.TestHttpServer;
import dev.reel.http.TestHttpServer.Text;
import dev.reel.identify.Identifier;
import dev.reel.organize.Subject;
import dev.reel.progress.ProgressModel;
import dev.reel.store.Lookups;
import dev.reel.store.Store;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AI's second reading against a server on 127.0.0.1 that answers like an OpenAI-compatible
 * chat-completions endpoint, with a "model" each test writes.
 */
class AiReaderTest {
  private static final String KEY = "sk-test-7f3a9c";
  @TempDir Path dir;
  private TestHttpServer server;
  private volatile Function<TestHttpServer.Request, TestHttpServer.Reply> model;
  private final List<String> notes = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = new TestHttpServer(req -> model.apply(req));
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  /** A model that reads "in/Show N/Season S/EE.mkv" names right. */
  private static TestHttpServer.Reply reader(TestHttpServer.Request req) {
    Pattern p = Pattern.compile("in/(.+)/Season (\\d+)/Take \\((\\d+)\\)\\.mkv");
    List<String> names = AiFake.names(req);
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Matcher m = p.matcher(names.get(i));
      answers.add(
          m.matches()
              ? AiFake.answer(
                  i + 1,
                  "episode",
                  m.group(1),
                  null,
                  Integer.parseInt(m.group(2)),
                  List.of(Integer.parseInt(m.group(3))))
              : "{\"id\":" + (i + 1) + ",\"type\":\"unknown\"}");
    }
    return Text.json(AiFake.envelope("{\"answers\":[" + String.join(",", answers) + "]}"));
  }

  private AiReader reader(Store store, int batch) {
    AiClient client =
        new AiClient(
            AiClient.Settings.of(URI.create(server.baseUrl() + "/v1"), KEY, "test-model"),
            HttpClient.newHttpClient(),
            notes::add);
    return new AiReader(
        client,
        store == null ? null : new Lookups(store, System::currentTimeMillis),
        batch,
        Duration.ofDays(30),
        Duration.ofDays(1),
        notes::add);
  }

  private static Map<String, Subject> doubtful(List<String> names) {
    Identifier id = Identifier.rememberingFolders();
    Map<String, Subject> out = new LinkedHashMap<>();
    for (String n : names) {
      out.put(n, Subject.of(id.identify(n)));
    }
    return out;
  }

  private static Map<String, Subject> reread(AiReader r, Map<String, Subject> names) {
    return r.reread(
        names, new StopToken(), new ProgressModel("organize", "files", System::nanoTime));
  }

  @Test
  void readsTheDoubtfulNamesInBatchesOnceAndTheSecondRunAsksNothing() throws Exception {
    model = AiReaderTest::reader;
    List<String> names = new ArrayList<>();
    for (int show = 1; show <= 4; show++) {
      for (int e = 1; e <= 30; e++) {
        // a number in brackets after words: the parser does not take it for the episode
        names.add(String.format("in/Show %d/Season 2/Take (%02d).mkv", show, e));
      }
    }
    Map<String, Subject> doubtful = doubtful(names);
    assertThat(doubtful.values()).allMatch(s -> s.doubt().isPresent());
    Map<String, Subject> read;
    try (Store store = Store.open(dir, w -> {}).orElseThrow()) {
      read = reread(reader(store, 50), doubtful);
    }
    assertThat(server.requests()).hasSize(3); // 50 + 50 + 20
    assertThat(read).hasSize(120);
    Subject s = read.get("in/Show 3/Season 2/Take (07).mkv");
    assertThat(s.kind()).isEqualTo(Subject.Kind.EPISODE);
    assertThat(s.title()).isEqualTo("Show 3");
    assertThat(s.season()).isEqualTo(2);
    assertThat(s.episodes()).containsExactly(7);

    TestHttpServer.Request first = server.requests().get(0);
    assertThat(first.method()).isEqualTo("POST");
    assertThat(first.target()).isEqualTo("/v1/chat/completions");
    assertThat(first.header("Authorization")).isEqualTo("Bearer " + KEY);
    JsonNode body = AiFake.body(first);
    assertThat(body.path("model").asText()).isEqualTo("test-model");
    assertThat(body.path("temperature").asInt()).isZero();
    assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
    assertThat(body.path("messages").path(0).path("role").asText()).isEqualTo("system");
    assertThat(AiFake.names(first)).hasSize(50);
    assertThat(notes).anyMatch(n -> n.contains("120 of 120 doubtful names read again"));

    Map<String, Subject> again;
    try (Store store = Store.open(dir, w -> {}).orElseThrow()) {
      again = reread(reader(store, 50), doubtful);
    }
    assertThat(server.requests()).hasSize(3); // nothing asked
    assertThat(again).isEqualTo(read);
    assertThat(String.join("\n", notes)).doesNotContain(KEY);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
            .as(f.toString())
            .doesNotContain(KEY);
      }
    }
  }

  @Test
  void answersThatAreNotExactlyTheJsonAskedForAreDiscardedAndAskedAgainNextTime() throws Exception {
    String good =
        "{\"answers\":[" + AiFake.answer(1, "movie", "Heat", 1995, null, List.of()) + "]}";
    List<TestHttpServer.Reply> bad =
        List.of(
            Text.json(AiFake.envelope("Sure! Here is the JSON: " + good)),
            Text.json(AiFake.envelope("```json\n" + good + "\n```")),
            Text.json(AiFake.envelope(good + " I hope this helps.")),
            Text.json(AiFake.envelope("Heat is a 1995 film by Michael Mann.")),
            Text.json(AiFake.envelope("{\"answers\":{\"1\":\"Heat\"}}")),
            Text.json(AiFake.envelope(good.substring(0, good.length() - 5))),
            new Text(200, Map.of("Content-Type", "text/html"), "<html><body>Login</body></html>"),
            Text.json("{\"error\":{\"message\":\"model not loaded\"}}"));
    Map<String, Subject> doubtful = doubtful(List.of("in/Heat.mkv"));
    try (Store store = Store.open(dir, w -> {}).orElseThrow()) {
      for (TestHttpServer.Reply reply : bad) {
        model = req -> reply;
        assertThat(reread(reader(store, 50), doubtful)).as(reply.toString()).isEmpty();
      }
      assertThat(server.requests()).hasSize(bad.size()); // each time asked again: nothing kept
      model = req -> Text.json(AiFake.envelope(good));
      Map<String, Subject> read = reread(reader(store, 50), doubtful);
      assertThat(read.get("in/Heat.mkv").year()).isEqualTo(1995);
    }
    assertThat(notes).anyMatch(n -> n.contains("text around its JSON"));
    assertThat(notes).anyMatch(n -> n.contains("not JSON"));
  }

  @Test
  void answersThatContradictTheNameOrTheSchemaAreDiscardedAndReported() throws Exception {
    List<String> names =
        List.of(
            "in/Breaking Bad/Season 2/03.mkv",
            "in/Heat.mkv",
            "in/Collateral (2004)/movie.mkv",
            "in/X.mkv",
            "in/Y.mkv",
            "in/Z.mkv",
            "in/Breaking Bad/Season 2/04.mkv",
            "in/Extras/making of.mkv");
    model =
        req -> {
          List<String> asked = AiFake.names(req);
          List<String> a = new ArrayList<>();
          for (int i = 0; i < asked.size(); i++) {
            int id = i + 1;
            a.add(
                switch (asked.get(i)) {
                  case "in/Breaking Bad/Season 2/03.mkv" ->
                      AiFake.answer(id, "episode", "Breaking Bad", 2008, 3, List.of(3));
                  case "in/Heat.mkv" -> AiFake.answer(id, "movie", "Heat", 1995, null, List.of());
                  case "in/Collateral (2004)/movie.mkv" ->
                      AiFake.answer(id, "movie", "Collateral", 2005, null, List.of());
                  case "in/X.mkv" ->
                      "{\"id\":" + id + ",\"type\":\"movie\",\"title\":\"X\",\"year\":\"1995\"}";
                  case "in/Y.mkv" -> "{\"id\":" + id + ",\"type\":\"unknown\"}";
                  case "in/Breaking Bad/Season 2/04.mkv" ->
                      AiFake.answer(id, "movie", "Breaking Bad", null, 2, List.of(4));
                  case "in/Extras/making of.mkv" ->
                      "{\"id\":"
                          + id
                          + ",\"type\":\"movie\",\"title\":\"Heat\",\"year\":null,"
                          + "\"extra\":\"behind_the_scenes\"}";
                  default -> "{\"id\":99,\"type\":\"unknown\"}"; // Z: no answer for it
                });
          }
          return Text.json(AiFake.envelope("{\"answers\":[" + String.join(",", a) + "]}"));
        };
    Map<String, Subject> read;
    AiReader.Tally tally;
    try (Store store = Store.open(dir, w -> {}).orElseThrow()) {
      AiReader r = reader(store, 50);
      read = reread(r, doubtful(names));
      tally = r.lastRun();
    }
    assertThat(read.keySet()).containsExactlyInAnyOrder("in/Heat.mkv", "in/Extras/making of.mkv");
    assertThat(read.get("in/Heat.mkv").kind()).isEqualTo(Subject.Kind.MOVIE);
    Subject extra = read.get("in/Extras/making of.mkv");
    assertThat(extra.kind()).isEqualTo(Subject.Kind.EXTRA);
    assertThat(extra.extra()).isEqualTo("behind_the_scenes");
    assertThat(tally.unknown).isEqualTo(1);
    assertThat(tally.unanswered).isEqualTo(1);
    String line = notes.get(notes.size() - 1);
    assertThat(line)
        .contains("season 3 is not in the name")
        .contains("year 2005 is not the name's")
        .contains("year must be a number")
        .contains("a movie with a season or episodes")
        .contains("an answer for no name asked")
        .contains("1 not answered");

    // kept: the discarded and the unknown ones as "not found"; only Z is asked again
    try (Store store = Store.open(dir, w -> {}).orElseThrow()) {
      reread(reader(store, 50), doubtful(names));
    }
    assertThat(server.requests()).hasSize(2);
    assertThat(AiFake.names(server.requests().get(1))).containsExactly("in/Z.mkv");
  }

  @Test
  void aRefusedKeyGoesOfflineWithOneLineThatNamesTheVariable() {
    model = req -> Text.status(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}");
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      names.add("in/Show/Season 2/" + i + ".mkv");
    }
    Map<String, Subject> read = reread(reader(null, 10), doubtful(names));
    assertThat(read).isEmpty();
    assertThat(server.requests()).hasSize(1); // offline after the first: 2 batches not sent
    List<String> refused = notes.stream().filter(n -> n.contains("401")).toList();
    assertThat(refused).hasSize(1);
    assertThat(refused.get(0)).contains("REEL_AI_KEY").doesNotContain(KEY);
    assertThat(notes.get(notes.size() - 1)).contains("30 not answered");
  }
}
