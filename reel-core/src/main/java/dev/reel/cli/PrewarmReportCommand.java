package dev.reel.cli;

import dev.reel.prewarm.PrewarmSummary;
import dev.reel.prewarm.Reports;
import dev.reel.prewarm.ResultsReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reel prewarm report FILE}: rebuild the reports from a results file. */
@Command(
    name = "report",
    header = "Rebuild the reports of a prewarm from its results file or folder.",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild summary JSON, Markdown and HTML reports (and Prometheus metrics) from a",
      "results file, and print the Markdown summary (or JSON with --json)."
    })
final class PrewarmReportCommand implements Callable<Integer> {
  private final StdStreams streams;

  @Parameters(
      paramLabel = "RESULTS",
      description =
          "A results file of reel prewarm, or a folder of them (reel spark prewarm's parts),"
              + " read together.")
  Path results;

  @Option(
      names = "--report-dir",
      paramLabel = "DIR",
      description = "Where reports go (default: beside the file).")
  Path reportDir;

  @Option(
      names = "--metrics-file",
      paramLabel = "FILE",
      description = "Also write Prometheus text metrics.")
  Path metricsFile;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  PrewarmReportCommand(StdStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws IOException {
    long[] problems = {0};
    PrewarmSummary s =
        ResultsReport.rebuild(
            results,
            m -> {
              problems[0]++;
              streams.err().println("prewarm report: " + m);
            });
    Reports.Targets targets =
        java.nio.file.Files.isDirectory(results)
            ? Reports.Targets.forFolder(results, reportDir, metricsFile)
            : Reports.Targets.beside(results, reportDir, metricsFile);
    List<Path> written = Reports.write(s, targets);
    streams.out().print(json ? Reports.json(s) : Reports.markdown(s));
    streams.out().flush();
    streams
        .err()
        .println(
            "prewarm report: wrote "
                + String.join(", ", written.stream().map(Path::toString).toList()));
    return problems[0] > 0 ? 1 : 0;
  }
}
