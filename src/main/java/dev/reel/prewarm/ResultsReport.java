package dev.reel.prewarm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Rebuilds a run's summary from its results file ({@code reel prewarm report}). */
public final class ResultsReport {
  private ResultsReport() {}

  /**
   * Reads every result line of {@code file} (resumed parts included) into fresh statistics. The
   * wall time is the sum over the file's parts (each starts with a header line) of the last
   * result's time ({@code t}) in that part.
   */
  public static PrewarmSummary rebuild(Path file, Consumer<String> problems) throws IOException {
    PrewarmStats stats = new PrewarmStats();
    RunHeader[] first = {null};
    long[] millis = {0, 0}; // finished parts, the current part's latest
    ResultsReader.read(
        file,
        new ResultsReader.Visitor() {
          @Override
          public void header(RunHeader h) {
            if (first[0] == null) {
              first[0] = h;
            }
            millis[0] += millis[1];
            millis[1] = 0;
          }

          @Override
          public void result(RequestResult r) {
            stats.record(r);
            millis[1] = Math.max(millis[1], r.atMillis());
          }

          @Override
          public void problem(String message) {
            problems.accept(message);
          }
        });
    return PrewarmSummary.of(first[0], stats, (millis[0] + millis[1]) / 1000.0, false);
  }
}
