package dev.reel.cli;

import dev.reel.prewarm.TrainingServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reel dev prewarm-training}: a real prewarm run against a local server, so that the
 * launcher can record a JDK AOT cache (classes and method profiles) from it.
 */
@Command(
    name = "prewarm-training",
    mixinStandardHelpOptions = true,
    description = "Run prewarm against a local server (for the launcher's start-up cache).")
final class PrewarmTrainingCommand implements Callable<Integer> {
  private final StdStreams streams;

  @Option(names = "--requests", paramLabel = "N", description = "Requests to make (default 60000).")
  int requests = 60_000;

  PrewarmTrainingCommand(StdStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws IOException {
    Path dir = Files.createTempDirectory("reel-training");
    try (TrainingServer server = new TrainingServer()) {
      List<String> lines = new ArrayList<>(requests + 1);
      lines.add("path,size");
      for (int i = 0; i < requests; i++) {
        lines.add("videos/v" + i + ".mp4," + (i % 3 == 0 ? 300L << 20 : 1_000_000));
      }
      Path list = Files.write(dir.resolve("objects.csv"), lines);
      PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
      int code =
          ReelCommand.run(
              new String[] {
                "prewarm",
                "--from-list",
                list.toString(),
                "--base-url",
                server.baseUrl(),
                "--derivatives",
                "desktop",
                "--concurrency",
                "64",
                "--results",
                dir.resolve("results.jsonl").toString(),
                "--metrics-file",
                dir.resolve("metrics.prom").toString(),
                "--progress",
                "none"
              },
              new StdStreams(quiet, quiet, false, false));
      streams.err().println("prewarm-training: " + requests + " requests, exit " + code);
      return code;
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
