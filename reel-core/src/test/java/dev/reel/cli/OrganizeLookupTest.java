package dev.reel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reel.http.TestHttpServer;
import dev.reel.http.TestHttpServer.Text;
import dev.reel.lookup.AiFake;
import dev.reel.lookup.TmdbFake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reel organize --lookup tmdb} as a user runs it (a child process, the key in its
 * environment) against a server on 127.0.0.1 that answers like TMDB.
 */
class OrganizeLookupTest {
  @TempDir Path dir;
  private TestHttpServer server;

  @BeforeEach
  void start() throws IOException {
    server =
        new TestHttpServer(
            req ->
                Text.json(
                    switch (TmdbFake.path(req)) {
                      case "search/tv" ->
                          "{\"results\":[{\"id\":1396,\"name\":\"Breaking Bad\",\"original_name\":"
                              + "\"Breaking Bad\",\"first_air_date\":\"2008-01-20\",\"popularity\":9}]}";
                      case "tv/1396/season/1" ->
                          "{\"episodes\":[{\"episode_number\":1,\"name\":\"Pilot\"},"
                              + "{\"episode_number\":2,\"name\":\"Cat's in the Bag...\"}]}";
                      default -> "{\"results\":[]}";
                    }));
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private record Child(int code, String out, String err) {}

  private Child organize(Map<String, String> env, String... args) throws Exception {
    return reel(env, "organize", args);
  }

  private Child reel(Map<String, String> env, String command, String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.reel.Main",
                command));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("TMDB_API_KEY");
    pb.environment().remove("TMDB_READ_ACCESS_TOKEN");
    pb.environment().putAll(env);
    pb.redirectOutput(dir.resolve("out.txt").toFile());
    pb.redirectError(dir.resolve("err.txt").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Child(
        p.exitValue(),
        Files.readString(dir.resolve("out.txt")),
        Files.readString(dir.resolve("err.txt")));
  }

  @Test
  void identifyShowsTheMatchItsConfidenceAndTheEpisodesTitle() throws Exception {
    String url = server.baseUrl() + "/3";
    Child c =
        reel(
            Map.of("TMDB_READ_ACCESS_TOKEN", "token"),
            "identify",
            "breaking.bad.s01e02.720p.mkv",
            "--lookup",
            "tmdb",
            "--tmdb-url",
            url,
            "--cache",
            dir.resolve("cache").toString(),
            "--json",
            "-q");
    assertThat(c.code()).as(c.err()).isZero();
    JsonNode t = new ObjectMapper().readTree(c.out()).path("tmdb");
    assertThat(t.path("id").asLong()).isEqualTo(1396);
    assertThat(t.path("title").asText()).isEqualTo("Breaking Bad");
    assertThat(t.path("year").asInt()).isEqualTo(2008);
    assertThat(t.path("confidence").asDouble()).isGreaterThan(0.7);
    assertThat(t.path("ambiguous").asBoolean()).isFalse();
    assertThat(t.path("episode_title").asText()).isEqualTo("Cat's in the Bag...");
  }

  @Test
  void tmdbNamesTheShowItsYearAndTheEpisodeAndNoKeyMeansTheNamesAlone() throws Exception {
    OrganizeFixture.base(dir.resolve("base"));
    Path in = dir.resolve("in");
    OrganizeFixture.video(in.resolve("breaking.bad.s01e01.720p.hdtv.x264-grp.mkv"));
    OrganizeFixture.video(in.resolve("breaking.bad.s01e02.720p.hdtv.x264-grp.mkv"));
    Path lib = dir.resolve("lib");
    Files.createDirectories(lib);
    String url = server.baseUrl() + "/3";
    String[] args = {
      in.toString(),
      "--into",
      lib.toString(),
      "--json",
      "--lookup",
      "tmdb",
      "--tmdb-url",
      url,
      "--cache",
      dir.resolve("cache").toString(),
      "-q"
    };
    Child c = organize(Map.of("TMDB_API_KEY", "secret-key"), args);
    assertThat(c.code()).as(c.err()).isZero();
    ObjectMapper json = new ObjectMapper();
    List<String> targets = new ArrayList<>();
    for (String line : c.out().split("\n")) {
      JsonNode a = json.readTree(line);
      targets.add(a.path("target").asText());
    }
    assertThat(targets)
        .anyMatch(
            t ->
                t.endsWith(
                    "Breaking Bad (2008)/Season 01/Breaking Bad (2008) - s01e01 - Pilot.mkv"))
        .anyMatch(t -> t.endsWith("s01e02 - Cat's in the Bag.mkv")); // no trailing dots
    assertThat(c.out() + c.err()).doesNotContain("secret-key");

    String[] withIds = java.util.Arrays.copyOf(args, args.length + 1);
    withIds[args.length] = "--ids";
    Child ids = organize(Map.of("TMDB_API_KEY", "secret-key"), withIds);
    assertThat(ids.code()).as(ids.err()).isZero();
    assertThat(ids.out())
        .contains(
            "Breaking Bad (2008) {tmdb-1396}/Season 01/Breaking Bad (2008) - s01e01 - Pilot.mkv");
    String[] jellyfin = java.util.Arrays.copyOf(withIds, withIds.length + 2);
    jellyfin[withIds.length] = "--layout";
    jellyfin[withIds.length + 1] = "jellyfin";
    Child jf = organize(Map.of("TMDB_API_KEY", "secret-key"), jellyfin);
    assertThat(jf.out()).contains("Breaking Bad (2008) [tmdbid-1396]/Season 01/");

    Child offline = organize(Map.of(), args);
    assertThat(offline.code()).as(offline.err()).isZero();
    assertThat(offline.err()).contains("TMDB_API_KEY");
    assertThat(offline.out()).contains("breaking bad").doesNotContain("(2008)");
  }

  @Test
  void theAiReadsTheDoubtfulNamesAgainAndTmdbThenNamesThem() throws Exception {
    OrganizeFixture.base(dir.resolve("base"));
    Path in = dir.resolve("in");
    OrganizeFixture.video(in.resolve("breaking.bad.s01e01.720p.hdtv.x264-grp.mkv"));
    OrganizeFixture.video(in.resolve("Breaking Bad/Season 1/Cats in the Bag part2.mkv"));
    OrganizeFixture.video(in.resolve("Heat.mkv"));
    Path lib = dir.resolve("lib");
    Files.createDirectories(lib);
    List<List<String>> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (TestHttpServer ai =
        new TestHttpServer(
            req -> {
              List<String> names = AiFake.names(req);
              asked.add(names);
              List<String> answers = new ArrayList<>();
              for (int i = 0; i < names.size(); i++) {
                answers.add(
                    names.get(i).endsWith("Heat.mkv")
                        ? AiFake.answer(i + 1, "movie", "Heat", 1995, null, List.of())
                        : AiFake.answer(i + 1, "episode", "Breaking Bad", null, 1, List.of(2)));
              }
              return Text.json(
                  AiFake.envelope("{\"answers\":[" + String.join(",", answers) + "]}"));
            })) {
      String[] args = {
        in.toString(),
        "--into",
        lib.toString(),
        "--json",
        "--ai",
        ai.baseUrl() + "/v1",
        "--ai-model",
        "qwen2.5:7b",
        "--lookup",
        "tmdb",
        "--tmdb-url",
        server.baseUrl() + "/3",
        "--cache",
        dir.resolve("cache").toString(),
        "-q"
      };
      Map<String, String> env = Map.of("TMDB_API_KEY", "secret-key", "REEL_AI_KEY", "ai-secret");
      Child c = organize(env, args);
      assertThat(c.code()).as(c.err()).isZero();
      assertThat(asked).hasSize(1);
      assertThat(asked.get(0))
          .containsExactlyInAnyOrder(
              "in/Breaking Bad/Season 1/Cats in the Bag part2.mkv", "in/Heat.mkv");
      assertThat(c.out())
          .contains("Breaking Bad (2008)/Season 01/Breaking Bad (2008) - s01e02 - Cat's in the Bag")
          .contains("Heat (1995)/Heat (1995).mkv");
      assertThat(c.out() + c.err()).doesNotContain("ai-secret").doesNotContain("secret-key");
      assertThat(ai.requests().get(0).header("Authorization")).isEqualTo("Bearer ai-secret");

      Child again = organize(env, args);
      assertThat(again.code()).as(again.err()).isZero();
      assertThat(asked).hasSize(1); // the cache answered
      assertThat(again.out()).isEqualTo(c.out());
    }
  }
}
