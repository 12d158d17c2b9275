package dev.reel.spark.prewarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.concurrent.StopToken;
import dev.reel.http.TestHttpServer;
import dev.reel.http.TestHttpServer.Respond;
import dev.reel.job.InvalidRequestException;
import dev.reel.prewarm.Derivative;
import dev.reel.prewarm.ListedObject;
import dev.reel.prewarm.ObjectList;
import dev.reel.prewarm.PrewarmJob;
import dev.reel.prewarm.PrewarmRequest;
import dev.reel.prewarm.PrewarmSummary;
import dev.reel.prewarm.RequestMethod;
import dev.reel.prewarm.ResultsReport;
import dev.reel.prewarm.RetryPolicy;
import dev.reel.prewarm.UrlFormat;
import dev.reel.progress.ProgressModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reel spark prewarm} on Spark local[2] against a real HTTP server on 127.0.0.1. */
class SparkPrewarmJobTest {
  private static final List<Derivative> FOUR =
      List.of(
          Derivative.parse("desktop"),
          Derivative.parse("tablet"),
          Derivative.parse("mobile"),
          Derivative.parse("thumb=320x180"));

  private static JavaSparkContext sc;
  private static TestHttpServer server;
  @TempDir Path tmp;

  @BeforeAll
  static void start() throws Exception {
    sc =
        new JavaSparkContext(
            new SparkConf()
                .setMaster("local[2]")
                .setAppName("reel test")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1"));
    // every 97th object is missing (404); a cache verdict and a body size by derivative; some
    // requests wait a few milliseconds, so the histograms have a spread
    server =
        new TestHttpServer(
            r -> {
              String t = r.target();
              int n = Integer.parseInt(t.substring(t.lastIndexOf("/v") + 2, t.indexOf(".mp4")));
              if (n % 97 == 0) {
                return new Respond(404, Map.of(), 20, 0);
              }
              int w = Integer.parseInt(t.substring(t.indexOf("imwidth=") + 8));
              return Respond.ok(w)
                  .withHeader("x-cache", w > 1000 ? "HIT" : "MISS")
                  .after(n % 13 == 0 ? 3 : 0);
            });
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    sc.close();
  }

  private static List<ListedObject> objects(int count) {
    List<ListedObject> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(new ListedObject("videos/v" + i + ".mp4", (long) (i % 7) * 300_000_000L + 1000));
    }
    return out;
  }

  private static PrewarmRequest request(List<ListedObject> objects, Path results) {
    return new PrewarmRequest(
        new ObjectList("test objects", objects),
        server.baseUrl(),
        UrlFormat.parse("imwidth"),
        null,
        FOUR,
        RequestMethod.GET,
        false,
        8,
        8,
        0,
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5)),
        List.of(),
        false,
        results,
        null,
        Duration.ofSeconds(5),
        0);
  }

  @Test
  void twentyThousandPairsOverEightPartitionsCountAsOneLocalRunAndMergeExactly() throws Exception {
    List<ListedObject> objects = objects(5_000);
    PrewarmSummary local =
        new PrewarmJob(request(objects, tmp.resolve("local.jsonl")), m -> {}).run();
    Path parts = tmp.resolve("parts");
    ProgressModel progress = new ProgressModel("prewarm", "requests", System::nanoTime);
    SparkPrewarmJob.Result spark =
        new SparkPrewarmJob(sc, m -> {})
            .run(request(objects, null), parts, false, 8, new StopToken(), progress);

    PrewarmSummary s = spark.summary();
    assertThat(s.overall().requests()).isEqualTo(20_000);
    assertThat(s.overall().failed()).isEqualTo(4L * (5_000 / 97 + 1));
    assertThat(counts(s)).isEqualTo(counts(local));
    assertThat(progress.snapshot().ok() + progress.snapshot().failed()).isEqualTo(20_000);
    assertThat(spark.notMade()).isZero();
    try (Stream<Path> files = Files.list(parts)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted())
          .containsExactly(
              "part-00000.jsonl",
              "part-00001.jsonl",
              "part-00002.jsonl",
              "part-00003.jsonl",
              "part-00004.jsonl",
              "part-00005.jsonl",
              "part-00006.jsonl",
              "part-00007.jsonl");
    }
    // the merged histograms are exact: the same percentiles as every result line read into one
    PrewarmSummary together = ResultsReport.rebuild(parts, m -> {});
    assertThat(latencies(s)).isEqualTo(latencies(together));
    assertThat(counts(together)).isEqualTo(counts(s));
    assertThat(s.overall().total().p99Micros()).isPositive();
  }

  @Test
  void aPartCutShortByADeadExecutorIsContinuedAndNoPairIsCountedTwice() throws Exception {
    List<ListedObject> objects = objects(400);
    Path parts = tmp.resolve("parts");
    new SparkPrewarmJob(sc, m -> {})
        .run(
            request(objects, null),
            parts,
            false,
            4,
            new StopToken(),
            new ProgressModel("prewarm", "requests", System::nanoTime));
    // an executor died while writing part 2: half its lines, the last one torn
    Path part = parts.resolve("part-00002.jsonl");
    List<String> lines = Files.readAllLines(part, StandardCharsets.UTF_8);
    int kept = lines.size() / 2;
    String torn = lines.get(kept).substring(0, lines.get(kept).length() / 2);
    Files.writeString(
        part, String.join("\n", lines.subList(0, kept)) + "\n" + torn, StandardCharsets.UTF_8);
    int before = server.requests().size();

    SparkPrewarmJob.Result again =
        new SparkPrewarmJob(sc, m -> {})
            .run(
                request(objects, null),
                parts,
                true,
                0,
                new StopToken(),
                new ProgressModel("prewarm", "requests", System::nanoTime));

    // only the pairs the cut lost were requested again: the lines after the cut, the failed ones
    // of the kept half (404s are requested again by a resume), and nothing from the other parts
    long lostOk =
        lines.subList(kept, lines.size()).stream()
            .filter(l -> l.contains("\"status\":200"))
            .count();
    long sentAgain = server.requests().size() - before;
    assertThat(sentAgain).isLessThan(lines.size()).isGreaterThanOrEqualTo(lostOk);
    assertThat(again.summary().overall().requests()).isEqualTo(4L * 400);
    assertThat(again.summary().overall().failed()).isEqualTo(4L * (400 / 97 + 1));
    assertThat(okPairs(parts)).hasSize(4 * 400 - 4 * (400 / 97 + 1));
    // the reports rebuilt from the folder count each pair once too: the failed lines that the
    // resumed part requested again are not counted twice
    assertThat(counts(ResultsReport.rebuild(parts, m -> {}))).isEqualTo(counts(again.summary()));
  }

  @Test
  void aFolderWithAnEarlierRunIsRefusedWithoutResumeAndResumeKeepsItsPartitionCount()
      throws Exception {
    List<ListedObject> objects = objects(40);
    Path parts = tmp.resolve("parts");
    SparkPrewarmJob job = new SparkPrewarmJob(sc, m -> {});
    ProgressModel p = new ProgressModel("prewarm", "requests", System::nanoTime);
    job.run(request(objects, null), parts, false, 3, new StopToken(), p);
    assertThatThrownBy(() -> job.run(request(objects, null), parts, false, 3, new StopToken(), p))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("--resume " + parts);
    assertThatThrownBy(() -> job.run(request(objects, null), parts, true, 5, new StopToken(), p))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("written by 3 partitions");
  }

  /** Every (object, derivative) that has a 200 line, with how often. */
  private static Map<String, Integer> okPairs(Path parts) throws Exception {
    Map<String, Integer> seen = new HashMap<>();
    try (Stream<Path> files = Files.list(parts)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
        for (String l : Files.readAllLines(f)) {
          if (l.contains("\"status\":200")) {
            String key = field(l, "object") + " " + field(l, "derivative");
            seen.merge(key, 1, Integer::sum);
          }
        }
      }
    }
    assertThat(seen.values()).allMatch(n -> n == 1);
    return seen;
  }

  private static String field(String line, String name) {
    int at = line.indexOf("\"" + name + "\":\"") + name.length() + 4;
    return line.substring(at, line.indexOf('"', at));
  }

  /** A group's counts (everything but timing). */
  private static List<List<Object>> counts(PrewarmSummary s) {
    List<List<Object>> out = new ArrayList<>();
    Stream.concat(
            Stream.of(s.overall()), Stream.concat(s.derivatives().stream(), s.cells().stream()))
        .forEach(
            g ->
                out.add(
                    List.of(
                        g.derivative(),
                        g.category(),
                        g.requests(),
                        g.ok(),
                        g.retries(),
                        g.bodyBytes(),
                        g.errors(),
                        g.statuses(),
                        g.cache(),
                        g.ttfb().count(),
                        g.total().count())));
    return out;
  }

  private static List<List<Object>> latencies(PrewarmSummary s) {
    List<List<Object>> out = new ArrayList<>();
    Stream.concat(
            Stream.of(s.overall()), Stream.concat(s.derivatives().stream(), s.cells().stream()))
        .forEach(
            g ->
                out.add(
                    List.of(
                        g.ttfb(),
                        g.total(),
                        Arrays.deepToString(g.ttfbCurve()),
                        Arrays.deepToString(g.totalCurve()))));
    return out;
  }
}
