package dev.reel.prewarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reel.http.HttpRequestSpec;
import dev.reel.http.TestHttpServer;
import dev.reel.http.TestHttpServer.Respond;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrewarmJobTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  private static List<JsonNode> lines(Path results) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String l : Files.readAllLines(results)) {
      out.add(JSON.readTree(l));
    }
    return out;
  }

  private static List<JsonNode> resultLines(Path results) throws IOException {
    return lines(results).stream().filter(n -> !n.has("reel_prewarm")).toList();
  }

  @Test
  void requestsEveryDerivativeOfEveryObjectWithEncodedUrls() throws Exception {
    try (TestHttpServer server = new TestHttpServer(r -> Respond.ok(1000))) {
      RequestBuilder b =
          new RequestBuilder(
              RequestBuilder.objects(
                  new ListedObject("2024/Summer Trip/clip #1.mp4", 60L << 20),
                  new ListedObject("a.mp4", 1000),
                  new ListedObject("é/ü.mkv", 300L << 20)),
              server.baseUrl() + "/");
      b.results = tmp.resolve("r.jsonl");
      PrewarmSummary s = new PrewarmJob(b.build(), m -> {}).run();
      assertThat(s.overall().requests()).isEqualTo(9);
      assertThat(s.overall().ok()).isEqualTo(9);
      assertThat(server.requests().stream().map(TestHttpServer.Request::target))
          .containsExactlyInAnyOrder(
              "/2024/Summer%20Trip/clip%20%231.mp4?imwidth=1920",
              "/2024/Summer%20Trip/clip%20%231.mp4?imwidth=1280",
              "/2024/Summer%20Trip/clip%20%231.mp4?imwidth=854",
              "/a.mp4?imwidth=1920",
              "/a.mp4?imwidth=1280",
              "/a.mp4?imwidth=854",
              "/%C3%A9/%C3%BC.mkv?imwidth=1920",
              "/%C3%A9/%C3%BC.mkv?imwidth=1280",
              "/%C3%A9/%C3%BC.mkv?imwidth=854");
      List<JsonNode> lines = lines(b.results);
      assertThat(lines.get(0).get("reel_prewarm").asInt()).isEqualTo(1);
      assertThat(lines).hasSize(10);
      JsonNode first =
          resultLines(b.results).stream()
              .filter(
                  n ->
                      n.get("object").asText().equals("a.mp4")
                          && n.get("derivative").asText().equals("mobile"))
              .findFirst()
              .orElseThrow();
      assertThat(first.get("status").asInt()).isEqualTo(200);
      assertThat(first.get("bytes").asLong()).isEqualTo(1000);
      assertThat(first.get("category").asText()).isEqualTo("small");
      assertThat(first.get("attempts").asInt()).isEqualTo(1);
      assertThat(first.get("error").isNull()).isTrue();
      assertThat(s.cells().stream().map(g -> g.derivative() + "/" + g.category()))
          .contains("desktop/small", "desktop/medium", "desktop/large");
    }
  }

  @Test
  void percentilesMatchTheExactPercentilesOfTheRecordedSamples() throws Exception {
    Random random = new Random(7);
    try (TestHttpServer server =
        new TestHttpServer(r -> Respond.ok(100).after(random.nextInt(40)))) {
      ListedObject[] objects = new ListedObject[300];
      for (int i = 0; i < objects.length; i++) {
        objects[i] = new ListedObject("v" + i + ".mp4", 1000);
      }
      RequestBuilder b = new RequestBuilder(RequestBuilder.objects(objects), server.baseUrl());
      b.derivatives = List.of(Derivative.preset("mobile"));
      b.concurrency = 16;
      b.results = tmp.resolve("p.jsonl");
      PrewarmSummary s = new PrewarmJob(b.build(), m -> {}).run();
      long[] totals =
          resultLines(b.results).stream()
              .mapToLong(n -> Math.round(n.get("total_ms").asDouble() * 1000))
              .sorted()
              .toArray();
      long[] ttfbs =
          resultLines(b.results).stream()
              .mapToLong(n -> Math.round(n.get("ttfb_ms").asDouble() * 1000))
              .sorted()
              .toArray();
      assertThat(totals).hasSize(300);
      var total = s.derivatives().get(0).total();
      var ttfb = s.derivatives().get(0).ttfb();
      assertClose(total.p50Micros(), exact(totals, 50));
      assertClose(total.p90Micros(), exact(totals, 90));
      assertClose(total.p95Micros(), exact(totals, 95));
      assertClose(total.p99Micros(), exact(totals, 99));
      assertClose(total.p999Micros(), exact(totals, 99.9));
      assertClose(total.maxMicros(), totals[totals.length - 1]);
      assertClose(ttfb.p95Micros(), exact(ttfbs, 95));
      double mean = Arrays.stream(totals).average().orElseThrow();
      assertThat(total.meanMicros())
          .isCloseTo(mean, org.assertj.core.data.Percentage.withPercentage(0.2));
      // the delays spread the samples: the test would not notice a mean printed as p50
      assertThat(exact(totals, 95)).isGreaterThan(exact(totals, 50) + 5_000);
    }
  }

  /** The value at a percentile with HdrHistogram's rank rule: round(p/100 * n), at least 1. */
  private static long exact(long[] sorted, double percentile) {
    long rank = Math.max(1, Math.round(percentile / 100 * sorted.length));
    return sorted[(int) rank - 1];
  }

  private static void assertClose(long hdr, long exact) {
    assertThat(Math.abs(hdr - exact)).isLessThanOrEqualTo(Math.max(1, exact / 1000));
  }

  @Test
  void retriesServerErrorsAndTimeoutsButNeverOther4xx() throws Exception {
    try (TestHttpServer server =
        new TestHttpServer(
            r ->
                switch (r.target().substring(0, r.target().indexOf('?'))) {
                  case "/flaky.mp4" ->
                      r.seen() <= 2 ? new Respond(503, Map.of(), 0, 0) : Respond.ok(5);
                  case "/missing.mp4" -> new Respond(404, Map.of(), 0, 0);
                  case "/private.mp4" -> new Respond(403, Map.of(), 0, 0);
                  case "/gone.mp4" -> new Respond(500, Map.of(), 0, 0);
                  case "/stall.mp4" -> new TestHttpServer.Stall();
                  case "/reset.mp4" -> new TestHttpServer.Reset();
                  default -> new Respond(400, Map.of(), 0, 0);
                })) {
      RequestBuilder b =
          new RequestBuilder(
              RequestBuilder.objects(
                  new ListedObject("flaky.mp4", 1),
                  new ListedObject("missing.mp4", 1),
                  new ListedObject("private.mp4", 1),
                  new ListedObject("gone.mp4", 1),
                  new ListedObject("stall.mp4", 1),
                  new ListedObject("reset.mp4", 1),
                  new ListedObject("bad.mp4", 1)),
              server.baseUrl());
      b.derivatives = List.of(Derivative.preset("desktop"));
      b.firstByte = Duration.ofMillis(150);
      b.retry =
          new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5));
      b.results = tmp.resolve("e.jsonl");
      PrewarmSummary s = new PrewarmJob(b.build(), m -> {}).run();
      Map<String, JsonNode> byObject =
          resultLines(b.results).stream()
              .collect(Collectors.toMap(n -> n.get("object").asText(), n -> n));
      assertThat(byObject.get("flaky.mp4").get("attempts").asInt()).isEqualTo(3);
      assertThat(byObject.get("flaky.mp4").get("error").isNull()).isTrue();
      assertThat(byObject.get("missing.mp4").get("attempts").asInt()).isEqualTo(1);
      assertThat(byObject.get("missing.mp4").get("error").asText()).isEqualTo("not_found");
      assertThat(byObject.get("private.mp4").get("error").asText()).isEqualTo("forbidden");
      assertThat(byObject.get("private.mp4").get("attempts").asInt()).isEqualTo(1);
      assertThat(byObject.get("bad.mp4").get("error").asText()).isEqualTo("client_error");
      assertThat(byObject.get("gone.mp4").get("error").asText()).isEqualTo("server_error");
      assertThat(byObject.get("gone.mp4").get("attempts").asInt()).isEqualTo(3);
      assertThat(byObject.get("stall.mp4").get("error").asText()).isEqualTo("timeout");
      assertThat(byObject.get("stall.mp4").get("attempts").asInt()).isEqualTo(3);
      assertThat(byObject.get("reset.mp4").get("error").asText()).isEqualTo("connection_error");
      assertThat(byObject.get("reset.mp4").get("attempts").asInt()).isEqualTo(3);
      assertThat(server.count("/gone.mp4?imwidth=1920")).isEqualTo(3);
      assertThat(server.count("/missing.mp4?imwidth=1920")).isEqualTo(1);
      assertThat(s.overall().errors())
          .containsEntry("not_found", 1L)
          .containsEntry("forbidden", 1L)
          .containsEntry("server_error", 1L)
          .containsEntry("timeout", 1L)
          .containsEntry("connection_error", 1L)
          .containsEntry("client_error", 1L);
      assertThat(s.overall().ok()).isEqualTo(1);
    }
  }

  @Test
  void honoursRetryAfterOn429() throws Exception {
    try (TestHttpServer server =
        new TestHttpServer(
            r ->
                r.seen() == 1
                    ? new Respond(429, Map.of("Retry-After", "1"), 0, 0)
                    : Respond.ok(1))) {
      RequestBuilder b =
          new RequestBuilder(
              RequestBuilder.objects(new ListedObject("a.mp4", 1)), server.baseUrl());
      b.derivatives = List.of(Derivative.preset("desktop"));
      PrewarmSummary s = new PrewarmJob(b.build(), m -> {}).run();
      assertThat(s.overall().ok()).isEqualTo(1);
      assertThat(s.overall().retries()).isEqualTo(1);
      List<TestHttpServer.Request> reqs = server.requests();
      assertThat(reqs).hasSize(2);
      assertThat(reqs.get(1).arrivedNanos() - reqs.get(0).arrivedNanos())
          .isGreaterThanOrEqualTo(950_000_000L);
    }
  }

  @Test
  void verifyCountsCacheHitsOfTheSecondRequest() throws Exception {
    try (TestHttpServer server =
        new TestHttpServer(
            r -> Respond.ok(10).withHeader("cf-cache-status", r.seen() == 1 ? "MISS" : "HIT"))) {
      RequestBuilder b =
          new RequestBuilder(
              RequestBuilder.objects(
                  new ListedObject("a.mp4", 100), new ListedObject("b.mp4", 100)),
              server.baseUrl());
      b.verify = true;
      b.results = tmp.resolve("v.jsonl");
      PrewarmSummary s = new PrewarmJob(b.build(), m -> {}).run();
      assertThat(server.requests()).hasSize(12);
      assertThat(s.overall().cache()).containsEntry("miss", 6L);
      assertThat(s.overall().verified()).isEqualTo(6);
      assertThat(s.overall().verifiedHits()).isEqualTo(6);
      assertThat(resultLines(b.results))
          .allSatisfy(
              n -> {
                assertThat(n.get("cache").asText()).isEqualTo("miss");
                assertThat(n.get("verify_cache").asText()).isEqualTo("hit");
              });
    }
  }

  @Test
  void rangeRequestsTakeTheSizeFromContentRange() throws Exception {
    try (TestHttpServer server =
        new TestHttpServer(
            r ->
                "bytes=0-0".equals(r.header("range"))
                    ? new Respond(206, Map.of("Content-Range", "bytes 0-0/250000"), 1, 0)
                    : Respond.ok(250_000))) {
      RequestBuilder b =
          new RequestBuilder(
              RequestBuilder.objects(new ListedObject("a.mp4", 1_000_000)), server.baseUrl());
      b.method = RequestMethod.RANGE;
      b.derivatives = List.of(Derivative.preset("tablet"));
      PrewarmSummary s = new PrewarmJob(b.build(), m -> {}).run();
      assertThat(s.overall().bodyBytes()).isEqualTo(1);
      assertThat(s.overall().reductionPercent())
          .isCloseTo(75.0, org.assertj.core.data.Offset.offset(0.001));
    }
  }

  @Test
  void resumeSkipsFinishedPairsAndRetriesFailedOnes() throws Exception {
    boolean[] healthy = {false};
    try (TestHttpServer server =
        new TestHttpServer(
            r ->
                healthy[0] || !r.target().startsWith("/b.mp4")
                    ? Respond.ok(1)
                    : new Respond(500, Map.of(), 0, 0))) {
      ObjectSource src =
          RequestBuilder.objects(
              new ListedObject("a.mp4", 1),
              new ListedObject("b.mp4", 1),
              new ListedObject("c.mp4", 1));
      RequestBuilder first = new RequestBuilder(src, server.baseUrl());
      first.retry =
          new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1));
      first.results = tmp.resolve("run.jsonl");
      PrewarmSummary s1 = new PrewarmJob(first.build(), m -> {}).run();
      assertThat(s1.overall().failed()).isEqualTo(3);
      int before = server.requests().size();

      healthy[0] = true;
      RequestBuilder again = new RequestBuilder(src, server.baseUrl());
      again.resume = first.results;
      PrewarmSummary s2 = new PrewarmJob(again.build(), m -> {}).run();
      List<TestHttpServer.Request> resent =
          server.requests().subList(before, server.requests().size());
      assertThat(resent).hasSize(3).allSatisfy(r -> assertThat(r.target()).startsWith("/b.mp4"));
      assertThat(s2.overall().ok()).isEqualTo(9); // 6 from the first part, 3 now
      assertThat(s2.elapsedSeconds()).isGreaterThan(0);
      assertThat(s2.requestsPerSecond()).isPositive();

      RequestBuilder other = new RequestBuilder(src, "http://127.0.0.1:1");
      other.resume = first.results;
      assertThatThrownBy(() -> new PrewarmJob(other.build(), m -> {}).run())
          .isInstanceOf(dev.reel.job.InvalidRequestException.class)
          .hasMessageContaining("is from another run (base URL " + server.baseUrl());
    }
  }

  @Test
  void stopLetsInFlightRequestsFinishAndLeavesAValidFile() throws Exception {
    try (TestHttpServer server = new TestHttpServer(r -> Respond.ok(10).after(100))) {
      ListedObject[] many = new ListedObject[1000];
      for (int i = 0; i < many.length; i++) {
        many[i] = new ListedObject("v" + i + ".mp4", 5);
      }
      RequestBuilder b = new RequestBuilder(RequestBuilder.objects(many), server.baseUrl());
      b.results = tmp.resolve("stop.jsonl");
      b.concurrency = 4;
      PrewarmJob job = new PrewarmJob(b.build(), m -> {});
      dev.reel.progress.ProgressModel progress =
          new dev.reel.progress.ProgressModel("prewarm", "requests", System::nanoTime);
      Thread stopper =
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (progress.snapshot().done() < 8) {
                      Thread.onSpinWait();
                    }
                    job.stop();
                  });
      PrewarmSummary s = job.run(progress);
      stopper.join();
      assertThat(s.interrupted()).isTrue();
      List<JsonNode> lines = resultLines(b.results);
      assertThat(lines.size()).isBetween(8, 40);
      assertThat(lines).allSatisfy(n -> assertThat(n.get("status").asInt()).isEqualTo(200));
      assertThat(server.requests().size()).isEqualTo(lines.size());
    }
  }

  @Test
  void secretsInHeadersNeverReachResultsOrReports() throws Exception {
    try (TestHttpServer server = new TestHttpServer(r -> new Respond(401, Map.of(), 0, 0))) {
      RequestBuilder b =
          new RequestBuilder(
              RequestBuilder.objects(new ListedObject("a.mp4", 1)), server.baseUrl());
      b.headers = List.of(new HttpRequestSpec.Header("Authorization", "Bearer s3cr3t-t0ken"));
      b.results = tmp.resolve("s.jsonl");
      PrewarmSummary s = new PrewarmJob(b.build(), m -> {}).run();
      Reports.write(s, Reports.Targets.beside(b.results, null, tmp.resolve("m.prom")));
      assertThat(server.requests().get(0).header("authorization")).isEqualTo("Bearer s3cr3t-t0ken");
      try (var files = Files.list(tmp)) {
        for (Path f : files.toList()) {
          assertThat(Files.readString(f)).doesNotContain("s3cr3t");
        }
      }
      assertThat(Files.readString(tmp.resolve("s.report.md"))).contains("forbidden");
    }
  }

  @Test
  void problemsOfTheListingGoToTheProblemSink() throws Exception {
    Path list = tmp.resolve("objects.csv");
    Files.writeString(list, "path,size\na.mp4,10\nb.mp4,ten\nc.mp4,30\n");
    try (TestHttpServer server = new TestHttpServer(r -> Respond.ok(1))) {
      RequestBuilder b =
          new RequestBuilder(Listings.listFile(list.toString(), System.in), server.baseUrl());
      b.derivatives = List.of(Derivative.preset("desktop"));
      List<String> problems = new CopyOnWriteArrayList<>();
      PrewarmSummary s = new PrewarmJob(b.build(), problems::add).run();
      assertThat(s.overall().requests()).isEqualTo(2);
      assertThat(problems).containsExactly(list + ":3: size 'ten' is not a whole number of bytes");
    }
  }

  @Test
  void rateLimitSpacesRequestStarts() throws Exception {
    try (TestHttpServer server = new TestHttpServer(r -> Respond.ok(1))) {
      ListedObject[] objects = new ListedObject[21];
      for (int i = 0; i < objects.length; i++) {
        objects[i] = new ListedObject("v" + i + ".mp4", 1);
      }
      RequestBuilder b = new RequestBuilder(RequestBuilder.objects(objects), server.baseUrl());
      b.derivatives = List.of(Derivative.preset("desktop"));
      b.rate = 50;
      new PrewarmJob(b.build(), m -> {}).run();
      List<TestHttpServer.Request> reqs = server.requests();
      assertThat(reqs).hasSize(21);
      long spanNanos = reqs.get(20).arrivedNanos() - reqs.get(0).arrivedNanos();
      assertThat(spanNanos).isGreaterThanOrEqualTo(380_000_000L); // 20 gaps of 20 ms
    }
  }

  @Test
  void headRequestsTakeTheSizeFromContentLength() throws Exception {
    try (TestHttpServer server = new TestHttpServer(r -> Respond.ok(40_000))) {
      RequestBuilder b =
          new RequestBuilder(
              RequestBuilder.objects(new ListedObject("a.mp4", 100_000)), server.baseUrl());
      b.method = RequestMethod.HEAD;
      b.derivatives = List.of(Derivative.preset("mobile"));
      PrewarmSummary s = new PrewarmJob(b.build(), m -> {}).run();
      assertThat(server.requests().get(0).method()).isEqualTo("HEAD");
      assertThat(s.overall().bodyBytes()).isZero();
      assertThat(s.overall().reductionPercent())
          .isCloseTo(60.0, org.assertj.core.data.Offset.offset(0.001));
    }
  }

  @Test
  void followsRedirectsAndKeepsCredentialsOnTheSameHost() throws Exception {
    try (TestHttpServer other = new TestHttpServer(r -> Respond.ok(7));
        TestHttpServer server =
            new TestHttpServer(
                r ->
                    r.target().startsWith("/a.mp4")
                        ? new Respond(302, Map.of("Location", "/moved/a.mp4?imwidth=1920"), 0, 0)
                        : r.target().startsWith("/b.mp4")
                            ? new Respond(
                                301, Map.of("Location", other.baseUrl() + "/elsewhere/b.mp4"), 0, 0)
                            : Respond.ok(5))) {
      RequestBuilder b =
          new RequestBuilder(
              RequestBuilder.objects(new ListedObject("a.mp4", 10), new ListedObject("b.mp4", 10)),
              server.baseUrl());
      b.derivatives = List.of(Derivative.preset("desktop"));
      b.headers = List.of(new HttpRequestSpec.Header("Authorization", "Bearer t"));
      b.results = tmp.resolve("redirects.jsonl");
      PrewarmSummary s = new PrewarmJob(b.build(), m -> {}).run();
      assertThat(s.overall().ok()).isEqualTo(2);
      Map<String, JsonNode> byObject =
          resultLines(b.results).stream()
              .collect(Collectors.toMap(n -> n.get("object").asText(), n -> n));
      assertThat(byObject.get("a.mp4").get("redirects").asInt()).isEqualTo(1);
      assertThat(byObject.get("a.mp4").get("final_url").asText())
          .isEqualTo(server.baseUrl() + "/moved/a.mp4?imwidth=1920");
      assertThat(byObject.get("a.mp4").get("bytes").asLong()).isEqualTo(5);
      assertThat(byObject.get("b.mp4").get("bytes").asLong()).isEqualTo(7);
      assertThat(server.requests().stream().filter(r -> r.target().startsWith("/moved")))
          .singleElement()
          .satisfies(r -> assertThat(r.header("authorization")).isEqualTo("Bearer t"));
      assertThat(other.requests())
          .singleElement()
          .satisfies(r -> assertThat(r.header("authorization")).isNull());

      RequestBuilder none =
          new RequestBuilder(
              RequestBuilder.objects(new ListedObject("a.mp4", 10)), server.baseUrl());
      none.derivatives = List.of(Derivative.preset("desktop"));
      none.maxRedirects = 0;
      PrewarmSummary s0 = new PrewarmJob(none.build(), m -> {}).run();
      assertThat(s0.overall().statuses()).containsOnlyKeys(302);
    }
  }
}
