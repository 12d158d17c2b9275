package dev.reel.cli;

import dev.reel.prewarm.PrewarmSummary;
import dev.reel.prewarm.Reports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How a prewarm run ends on the terminal, local or on Spark: the reports written, the summary
 * printed (Markdown, or JSON), a line for the requests a stop left unmade, and the files written.
 */
public final class PrewarmEnding {
  private PrewarmEnding() {}

  /**
   * @param resumable the results file or folder a {@code --resume} continues, or null
   * @param notMade listed requests a stop left unmade
   */
  public static void print(
      StdStreams streams,
      PrewarmSummary summary,
      Reports.Targets targets,
      boolean json,
      Path resumable,
      long notMade)
      throws IOException {
    List<Path> written = Reports.write(summary, targets);
    streams.out().print(json ? Reports.json(summary) : Reports.markdown(summary));
    streams.out().flush();
    if (notMade > 0) {
      streams
          .err()
          .println(
              "prewarm: "
                  + notMade
                  + " listed requests were not made (stopped); "
                  + (resumable == null
                      ? "give --results next time to be able to resume"
                      : "--resume " + resumable + " makes them"));
    }
    if (!written.isEmpty()) {
      streams
          .err()
          .println(
              "prewarm: wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
    }
  }
}
