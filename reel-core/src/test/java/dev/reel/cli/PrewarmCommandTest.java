package dev.reel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reel.http.TestHttpServer;
import dev.reel.http.TestHttpServer.Respond;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrewarmCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private Path list() {
    return dir.resolve("objects.txt");
  }

  private Path list(String... lines) throws IOException {
    Path p = dir.resolve("objects.txt");
    Files.write(p, List.of(lines));
    return p;
  }

  @Test
  void runWritesResultsReportsAndMetricsAndPrintsTheSummary() throws Exception {
    try (TestHttpServer server =
        new TestHttpServer(r -> Respond.ok(1000).withHeader("X-Cache", "MISS"))) {
      Path objects = dir.resolve("objects.csv");
      Files.writeString(objects, "path,size\nshows/a.mp4,5000\nshows/b.mp4,100000000\n");
      Path results = dir.resolve("run.jsonl");
      ProbeCommandTest.Run r =
          ProbeCommandTest.run(
              "prewarm",
              "--from-list",
              objects.toString(),
              "--base-url",
              server.baseUrl(),
              "--derivatives",
              "desktop,mobile",
              "--derivative",
              "thumb=320x180,fit=cover",
              "--results",
              results.toString(),
              "--metrics-file",
              dir.resolve("prewarm.prom").toString(),
              "-q");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(server.requests()).hasSize(6);
      assertThat(Files.readAllLines(results)).hasSize(7);
      assertThat(r.out()).contains("# reel prewarm report", "| thumb |", "| desktop | medium |");
      assertThat(Files.readString(dir.resolve("run.report.html"))).contains("<svg", "thumb");
      assertThat(Files.readString(dir.resolve("run.report.md"))).contains("## Per size category");
      JsonNode summary = JSON.readTree(dir.resolve("run.summary.json").toFile());
      assertThat(summary.at("/overall/ok").asLong()).isEqualTo(6);
      assertThat(summary.at("/overall/ttfb/p95_micros").asLong()).isPositive();
      assertThat(summary.at("/run/derivatives/2").asText()).isEqualTo("thumb=320x180,fit=cover");
      String prom = Files.readString(dir.resolve("prewarm.prom"));
      assertThat(prom)
          .contains(
              "reel_prewarm_requests_total{derivative=\"thumb\",category=\"small\",outcome=\"ok\"} 1")
          .contains(
              "reel_prewarm_cache_responses_total{derivative=\"mobile\",category=\"medium\",cache=\"miss\"} 1")
          .contains(
              "reel_prewarm_ttfb_seconds{derivative=\"desktop\",category=\"small\",quantile=\"0.99\"}")
          .doesNotContain("http://", "shows/");

      ProbeCommandTest.Run again =
          ProbeCommandTest.run("prewarm", "report", results.toString(), "--json");
      assertThat(again.code()).isZero();
      assertThat(JSON.readTree(again.out()).at("/overall/ok").asLong()).isEqualTo(6);
      assertThat(JSON.readTree(again.out()).get("requests_per_second").asDouble()).isPositive();
      assertThat(JSON.readTree(Files.readAllLines(results).get(1)).get("t").asDouble())
          .isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void reportOfAFolderReadsItsResultsFilesTogether() throws Exception {
    try (TestHttpServer server =
        new TestHttpServer(
            r ->
                r.target().contains("b.mp4") ? new Respond(404, Map.of(), 0, 0) : Respond.ok(10))) {
      Path parts = Files.createDirectories(dir.resolve("parts"));
      String[][] lists = {{"a.mp4", "b.mp4"}, {"c.mp4", "d.mp4", "e.mp4"}};
      for (int i = 0; i < lists.length; i++) {
        ProbeCommandTest.Run r =
            ProbeCommandTest.run(
                "prewarm",
                "--from-list",
                list(lists[i]).toString(),
                "--base-url",
                server.baseUrl(),
                "--derivatives",
                "desktop,mobile",
                "--results",
                parts.resolve("part-0000" + i + ".jsonl").toString(),
                "-q");
        assertThat(r.code()).as(r.err()).isIn(0, 1);
        Files.delete(list());
      }
      ProbeCommandTest.Run report =
          ProbeCommandTest.run("prewarm", "report", parts.toString(), "--json");
      assertThat(report.code()).as(report.err()).isZero();
      JsonNode all = JSON.readTree(report.out());
      assertThat(all.at("/overall/requests").asLong()).isEqualTo(10);
      assertThat(all.at("/overall/failed").asLong()).isEqualTo(2);
      assertThat(all.at("/overall/statuses/404").asLong()).isEqualTo(2);
      assertThat(JSON.readTree(parts.resolve("summary.json").toFile()).at("/overall/ok").asLong())
          .isEqualTo(8);
      assertThat(parts.resolve("report.html")).exists();

      ProbeCommandTest.Run empty =
          ProbeCommandTest.run(
              "prewarm", "report", Files.createDirectories(dir.resolve("empty")).toString());
      assertThat(empty.code()).isEqualTo(3);
      assertThat(empty.err()).contains("no results files (*.jsonl)").contains("empty");
    }
  }

  @Test
  void resumeWithTheSameResultsFileContinuesIt() throws Exception {
    try (TestHttpServer server = new TestHttpServer(r -> Respond.ok(10))) {
      Path results = dir.resolve("same.jsonl");
      Path objects = list("a.mp4", "b.mp4");
      String[] first = {
        "prewarm",
        "--from-list",
        objects.toString(),
        "--base-url",
        server.baseUrl(),
        "--results",
        results.toString(),
        "-q"
      };
      assertThat(ProbeCommandTest.run(first).code()).isZero();
      int sent = server.requests().size();
      List<String> again = new java.util.ArrayList<>(List.of(first));
      again.addAll(List.of("--resume", results.toString()));
      ProbeCommandTest.Run r = ProbeCommandTest.run(again.toArray(String[]::new));
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.err()).contains("6 finished pairs are skipped");
      assertThat(server.requests()).hasSize(sent);
      Path other = dir.resolve("other.jsonl");
      again.set(again.indexOf(results.toString()), other.toString());
      ProbeCommandTest.Run two = ProbeCommandTest.run(again.toArray(String[]::new));
      assertThat(two.code()).isEqualTo(2);
    }
  }

  @Test
  void failuresGiveExitCodeOneAndAreCountedByClass() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (TestHttpServer server = new TestHttpServer(r -> new Respond(404, Map.of(), 0, 0))) {
      ProbeCommandTest.Run r =
          ProbeCommandTest.run(
              "prewarm",
              "--from-list",
              list("a.mp4", "b.mp4").toString(),
              "--base-url",
              server.baseUrl(),
              "-q",
              "--json");
      assertThat(r.code()).isEqualTo(1);
      assertThat(JSON.readTree(r.out()).at("/overall/errors/not_found").asLong()).isEqualTo(6);
    }
    ProbeCommandTest.Run refused =
        ProbeCommandTest.run(
            "prewarm",
            "--from-list",
            list("a.mp4").toString(),
            "--base-url",
            "http://127.0.0.1:" + closedPort,
            "--retries",
            "1",
            "-q",
            "--json");
    assertThat(refused.code()).isEqualTo(1);
    assertThat(JSON.readTree(refused.out()).at("/overall/errors/connection_error").asLong())
        .isEqualTo(3);
  }

  @Test
  void badInputIsOneLineWithTheRightExitCode() throws Exception {
    Path objects = list("a.mp4");
    assertThat(ProbeCommandTest.run("prewarm", "--base-url", "http://x").err())
        .contains("give a listing: --from-dir, --from-list, --from-rclone or --from-s3");
    ProbeCommandTest.Run template = withObjects("--url-format", "{base}/{file}");
    assertThat(template.code()).isEqualTo(2);
    assertThat(template.err()).contains("unknown placeholder {file}");
    Path existing = Files.writeString(dir.resolve("old.jsonl"), "x");
    ProbeCommandTest.Run exists = withObjects("--results", existing.toString());
    assertThat(exists.code()).isEqualTo(2);
    assertThat(exists.err()).contains("exists: continue it with --resume");
    assertThat(Files.readString(existing)).isEqualTo("x");
    ProbeCommandTest.Run notResults = withObjects("--resume", existing.toString());
    assertThat(notResults.code()).isEqualTo(3);
    assertThat(notResults.err()).contains("not a reel prewarm results file");
    ProbeCommandTest.Run missing =
        ProbeCommandTest.run(
            "prewarm", "--from-list", dir.resolve("none.txt").toString(), "--base-url", "http://x");
    assertThat(missing.code()).isEqualTo(3);
    assertThat(missing.err()).contains("none.txt").contains("no such list file");
    ProbeCommandTest.Run noBase =
        ProbeCommandTest.run("prewarm", "--from-list", objects.toString());
    assertThat(noBase.code()).isEqualTo(2);
    assertThat(noBase.err()).contains("give --base-url: list file").contains("lists paths (a.mp4)");
    ProbeCommandTest.Run userinfo =
        ProbeCommandTest.run(
            "prewarm",
            "--from-list",
            objects.toString(),
            "--base-url",
            "https://me:pw@cdn.example.com");
    assertThat(userinfo.code()).isEqualTo(2);
    assertThat(userinfo.err())
        .doesNotContain("pw@")
        .contains("must not hold a user name or password");
    ProbeCommandTest.Run header = withObjects("-H", "Authorization Bearer topsecretvalue");
    assertThat(header.code()).isEqualTo(2);
    assertThat(header.err()).doesNotContain("topsecretvalue");
    ProbeCommandTest.Run injected = withObjects("-H", "X-Token: abc\r\nHost: evil");
    assertThat(injected.code()).isEqualTo(2);
    assertThat(injected.err()).contains("header X-Token has a line break").doesNotContain("evil");
  }

  @Test
  void configFileSetsDerivativesAndFormat() throws Exception {
    try (TestHttpServer server = new TestHttpServer(r -> Respond.ok(1))) {
      Path cfg = dir.resolve("prewarm.json");
      Files.writeString(
          cfg,
          "{\"base_url\":\""
              + server.baseUrl()
              + "\",\"url_format\":\"query\","
              + "\"derivatives\":[\"hd=1280x720,q=high\",{\"name\":\"sd\",\"width\":640,\"height\":360}],"
              + "\"headers\":[\"X-Warm: yes\"]}");
      ProbeCommandTest.Run r =
          ProbeCommandTest.run(
              "prewarm",
              "--config",
              cfg.toString(),
              "--from-list",
              list("v/a.mp4").toString(),
              "-q");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(server.requests().stream().map(TestHttpServer.Request::target))
          .containsExactlyInAnyOrder(
              "/v/a.mp4?width=1280&height=720&q=high", "/v/a.mp4?width=640&height=360");
      assertThat(server.requests())
          .allSatisfy(q -> assertThat(q.header("x-warm")).isEqualTo("yes"));
      Files.writeString(cfg, "{\"base_url\":\"http://x\",\"derivativs\":[]}");
      ProbeCommandTest.Run bad =
          ProbeCommandTest.run(
              "prewarm", "--config", cfg.toString(), "--from-list", list("a").toString());
      assertThat(bad.code()).isEqualTo(2);
      assertThat(bad.err()).contains("unknown key \"derivativs\"");
    }
  }

  @Test
  void listPrintsObjectsAndASizeReportWithoutRequesting() throws Exception {
    Files.createDirectories(dir.resolve("v/s1"));
    Files.write(dir.resolve("v/s1/a.mp4"), new byte[2048]);
    Files.write(dir.resolve("v/b.mkv"), new byte[10]);
    Files.write(dir.resolve("v/c.txt"), new byte[10]);
    ProbeCommandTest.Run r =
        ProbeCommandTest.run(
            "prewarm", "list", "--from-dir", dir.resolve("v").toString(), "--ext", "mp4,mkv");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("s1/a.mp4", "b.mkv", "2 objects", "small", "largest:")
        .doesNotContain("c.txt");
    ProbeCommandTest.Run json =
        ProbeCommandTest.run(
            "prewarm",
            "list",
            "--from-dir",
            dir.resolve("v").toString(),
            "--json",
            "--largest-first");
    List<String> lines = json.out().strip().lines().toList();
    assertThat(JSON.readTree(lines.get(0)).get("path").asText()).isEqualTo("s1/a.mp4");
    assertThat(JSON.readTree(lines.get(3)).at("/totals/objects").asLong()).isEqualTo(3);
  }

  @Test
  void resumeSaysWhatItSkipsAndRequestsNothingTwice() throws Exception {
    try (TestHttpServer server = new TestHttpServer(r -> Respond.ok(1))) {
      Path objects = list("a.mp4", "b.mp4");
      Path results = dir.resolve("r.jsonl");
      String[] first = {
        "prewarm",
        "--from-list",
        objects.toString(),
        "--base-url",
        server.baseUrl(),
        "--results",
        results.toString(),
        "-q"
      };
      assertThat(ProbeCommandTest.run(first).code()).isZero();
      assertThat(server.requests()).hasSize(6);
      ProbeCommandTest.Run again =
          ProbeCommandTest.run(
              "prewarm",
              "--from-list",
              objects.toString(),
              "--base-url",
              server.baseUrl(),
              "--resume",
              results.toString(),
              "-q");
      assertThat(again.code()).isZero();
      assertThat(again.err()).contains("resuming " + results + ": 6 finished pairs are skipped");
      assertThat(server.requests()).hasSize(6);
      assertThat(Files.readAllLines(results)).hasSize(8); // two headers, six results
    }
  }

  @Test
  void dryRunPrintsEveryUrlWithoutRequesting() throws Exception {
    ProbeCommandTest.Run r =
        ProbeCommandTest.run(
            "prewarm",
            "--from-list",
            list("a b/c.mp4").toString(),
            "--base-url",
            "https://cdn.example.com/",
            "--url-format",
            "cdn-cgi",
            "--origin",
            "https://origin.example.com",
            "--dry-run");
    assertThat(r.code()).isZero();
    assertThat(r.out().lines())
        .containsExactly(
            "a b/c.mp4\tdesktop\thttps://cdn.example.com/cdn-cgi/media/width=1920,height=1080,fit=contain/https://origin.example.com/a%20b/c.mp4",
            "a b/c.mp4\ttablet\thttps://cdn.example.com/cdn-cgi/media/width=1280,height=720,fit=contain/https://origin.example.com/a%20b/c.mp4",
            "a b/c.mp4\tmobile\thttps://cdn.example.com/cdn-cgi/media/width=854,height=640,fit=contain/https://origin.example.com/a%20b/c.mp4");
  }

  /** Runs {@code reel prewarm --from-list objects.txt --base-url http://x EXTRA...}. */
  private ProbeCommandTest.Run withObjects(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "prewarm",
                "--from-list",
                dir.resolve("objects.txt").toString(),
                "--base-url",
                "http://x"));
    args.addAll(List.of(extra));
    return ProbeCommandTest.run(args.toArray(String[]::new));
  }
}
