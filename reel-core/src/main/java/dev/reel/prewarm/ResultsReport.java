package dev.reel.prewarm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Rebuilds a run's summary from its results file ({@code reel prewarm report}). */
public final class ResultsReport {
  private ResultsReport() {}

  /**
   * Reads every result line of {@code file} (resumed parts included) into fresh statistics. The
   * wall time is the sum over the file's parts (each starts with a header line) of the last
   * result's time ({@code t}) in that part.
   */
  public static PrewarmSummary rebuild(Path file, Consumer<String> problems) throws IOException {
    if (Files.isDirectory(file)) {
      return rebuildFolder(file, problems);
    }
    PrewarmStats stats = new PrewarmStats();
    Part part = read(file, stats, problems);
    return stats.summary(part.header(), part.seconds(), false);
  }

  /**
   * Reads every results file ({@code *.jsonl}) in {@code folder} together: the parts of one run
   * that ran side by side (one per Spark partition). Counts and histograms add up; the wall time is
   * the longest file's, since the parts ran at the same time.
   *
   * @throws IOException when the folder holds no results file
   */
  public static PrewarmSummary rebuildFolder(Path folder, Consumer<String> problems)
      throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files =
          list.filter(f -> f.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(f))
              .sorted()
              .toList();
    }
    if (files.isEmpty()) {
      throw new NoSuchFileException(folder.toString(), null, "no results files (*.jsonl) in it");
    }
    PrewarmStats stats = new PrewarmStats();
    RunHeader header = null;
    double seconds = 0;
    for (Path f : files) {
      Part part = read(f, stats, problems);
      header = header == null ? part.header() : header;
      seconds = Math.max(seconds, part.seconds());
    }
    return stats.summary(header, seconds, false);
  }

  /** A results file's first header and its wall time. */
  private record Part(RunHeader header, double seconds) {}

  /**
   * Adds {@code file}'s results to {@code stats}. A resumed part requests again the pairs that
   * failed before, so a failed line that a later part of the file answers again is not counted:
   * each pair counts once, as in the run's own summary. Successful lines are counted on the first
   * reading; failed ones, when there are any, on a second, once it is known which were tried again.
   */
  private static Part read(Path file, PrewarmStats stats, Consumer<String> problems)
      throws IOException {
    RunHeader[] first = {null};
    long[] millis = {0, 0}; // finished parts, the current part's latest
    int[] part = {0};
    boolean[] failures = {false};
    Map<Long, Integer> lastPart = new HashMap<>(); // pairs in resumed parts: the last part
    ResultsReader.read(
        file,
        new ResultsReader.Visitor() {
          @Override
          public void header(RunHeader h) {
            if (first[0] == null) {
              first[0] = h;
            }
            part[0]++;
            millis[0] += millis[1];
            millis[1] = 0;
          }

          @Override
          public void result(RequestResult r) {
            if (r.ok()) {
              stats.record(r);
            } else {
              failures[0] = true;
            }
            if (part[0] > 1) {
              lastPart.put(ResumeState.key(r.object(), r.derivative()), part[0]);
            }
            millis[1] = Math.max(millis[1], r.atMillis());
          }

          @Override
          public void problem(String message) {
            problems.accept(message);
          }
        });
    if (failures[0]) {
      int[] at = {0};
      ResultsReader.read(
          file,
          new ResultsReader.Visitor() {
            @Override
            public void header(RunHeader h) {
              at[0]++;
            }

            @Override
            public void result(RequestResult r) {
              if (!r.ok()
                  && lastPart.getOrDefault(ResumeState.key(r.object(), r.derivative()), 0)
                      <= at[0]) {
                stats.record(r);
              }
            }

            @Override
            public void problem(String message) {}
          });
    }
    return new Part(first[0], (millis[0] + millis[1]) / 1000.0);
  }
}
