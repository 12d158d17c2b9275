package dev.reel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reel.http.TestHttpServer;
import dev.reel.http.TestHttpServer.Respond;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (SIGINT to a child reel process) leaves a valid results file and reports. */
class PrewarmInterruptTest {
  @TempDir Path dir;

  @Test
  void sigintStopsTheRunAndWritesValidResultsAndReports() throws Exception {
    try (TestHttpServer server = new TestHttpServer(r -> Respond.ok(100).after(100))) {
      List<String> objects = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        objects.add("v/" + i + ".mp4");
      }
      Path list = Files.write(dir.resolve("objects.txt"), objects);
      Path results = dir.resolve("run.jsonl");
      String java = ProcessHandle.current().info().command().orElse("java");
      Process p =
          new ProcessBuilder(
                  java,
                  "--enable-native-access=ALL-UNNAMED",
                  "-cp",
                  System.getProperty("java.class.path"),
                  "dev.reel.Main",
                  "prewarm",
                  "--from-list",
                  list.toString(),
                  "--base-url",
                  server.baseUrl(),
                  "--concurrency",
                  "4",
                  "--results",
                  results.toString(),
                  "--progress",
                  "plain")
              .redirectOutput(dir.resolve("out.txt").toFile())
              .redirectError(dir.resolve("err.txt").toFile())
              .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (lineCount(results) < 20 && System.nanoTime() < deadline && p.isAlive()) {
        Thread.sleep(50); // polling a file another process writes: no latch to wait on
      }
      assertThat(p.isAlive()).as(Files.readString(dir.resolve("err.txt"))).isTrue();
      new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("stopped within 20 s").isTrue();
      String err = Files.readString(dir.resolve("err.txt"));
      assertThat(p.exitValue()).as(err).isEqualTo(130);
      assertThat(err).contains("stopping");

      ObjectMapper json = new ObjectMapper();
      List<String> lines = Files.readAllLines(results);
      for (String l : lines) {
        assertThat(json.readTree(l).isObject()).isTrue();
      }
      int done = lines.size() - 1;
      assertThat(done).isBetween(20, 1999);
      assertThat(server.requests().size()).isGreaterThanOrEqualTo(done);
      JsonNode summary = json.readTree(dir.resolve("run.summary.json").toFile());
      assertThat(summary.get("interrupted").asBoolean()).isTrue();
      assertThat(summary.at("/overall/requests").asLong()).isEqualTo(done);
      assertThat(Files.readString(dir.resolve("run.report.md"))).contains("**interrupted**");
      assertThat(Files.readString(dir.resolve("out.txt"))).contains("# reel prewarm report");
    }
  }

  private static long lineCount(Path p) throws IOException {
    if (!Files.exists(p)) {
      return 0;
    }
    try (var lines = Files.lines(p)) {
      return lines.count();
    }
  }
}
