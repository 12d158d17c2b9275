package dev.reel.prewarm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Rebuilds a run's summary from its results file ({@code reel prewarm report}). */
public final class ResultsReport {
  private ResultsReport() {}

  /**
   * Reads every result line of {@code file} (resumed parts included) into fresh statistics. The
   * run's wall time is not in the file, so rates are left out.
   */
  public static PrewarmSummary rebuild(Path file, Consumer<String> problems) throws IOException {
    PrewarmStats stats = new PrewarmStats();
    RunHeader[] first = {null};
    ResultsReader.read(
        file,
        new ResultsReader.Visitor() {
          @Override
          public void header(RunHeader h) {
            if (first[0] == null) {
              first[0] = h;
            }
          }

          @Override
          public void result(RequestResult r) {
            stats.record(r);
          }

          @Override
          public void problem(String message) {
            problems.accept(message);
          }
        });
    return PrewarmSummary.of(first[0], stats, 0, false);
  }
}
