package dev.reel.cli;

import dev.reel.job.JobSummary;
import dev.reel.media.DurationText;
import dev.reel.prewarm.PrewarmJob;
import dev.reel.prewarm.PrewarmRequest;
import dev.reel.prewarm.PrewarmSummary;
import dev.reel.prewarm.Reports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reel prewarm}: request every derivative of every listed video so a CDN caches it. */
@Command(
    name = "prewarm",
    header = "Warm every derivative of every listed video on a transforming CDN.",
    mixinStandardHelpOptions = true,
    subcommands = {PrewarmListCommand.class, PrewarmReportCommand.class},
    description = {
      "Request every derivative of every listed video from a transforming CDN so that it is",
      "cached, with exact latency statistics (HdrHistogram) in bounded memory.",
      "Writes one JSON line per request (--results), then summary JSON, Markdown and HTML",
      "reports beside it; prints the Markdown summary (or JSON with --json)."
    })
final class PrewarmCommand implements Callable<Integer> {
  private final StdStreams streams;

  @Mixin PrewarmOptions options = new PrewarmOptions();

  @Option(
      names = "--results",
      paramLabel = "FILE",
      description = "Write one JSON line per request to FILE (must not exist).")
  Path results;

  @Option(
      names = "--resume",
      paramLabel = "FILE",
      description = "Continue the run in results FILE: skip pairs done, append.")
  Path resume;

  @Option(
      names = "--report-dir",
      paramLabel = "DIR",
      description = "Where reports go (default: beside the results file).")
  Path reportDir;

  @Option(
      names = "--metrics-file",
      paramLabel = "FILE",
      description = "Also write Prometheus text metrics to FILE.")
  Path metricsFile;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Option(
      names = "--dry-run",
      description = "Print the URL of every request (object, derivative, URL), request nothing.")
  boolean dryRun;

  @Mixin ProgressOptions output = new ProgressOptions();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  PrewarmCommand(StdStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws Exception {
    PrewarmRequest request = JobRunner.request(spec, this::request);
    if (dryRun) {
      return PrewarmDryRun.print(request, streams);
    }
    PrewarmJob job =
        new PrewarmJob(
            request,
            m -> streams.err().println("prewarm: " + m),
            m -> streams.err().println("prewarm: " + m));
    return new JobRunner(streams, output)
        .run(
            "prewarm",
            "requests",
            "stopping; in-flight requests get "
                + DurationText.format(request.stopGrace())
                + ", then results and reports are written",
            request.stopGrace().plusSeconds(30),
            (stop, progress) -> {
              stop.onStop(job::stop);
              PrewarmSummary summary = job.run(progress);
              Path file = request.resume() != null ? request.resume() : request.results();
              long notMade = job.cancelledCount() + job.notStartedCount();
              PrewarmEnding.print(
                  streams,
                  summary,
                  Reports.Targets.forRun(file, reportDir, metricsFile),
                  json,
                  file,
                  notMade);
              return JobSummary.of(progress.snapshot(), notMade, job.stopped());
            });
  }

  PrewarmRequest request() throws java.io.IOException {
    if (results != null && resume != null && sameFile(results, resume)) {
      results = null; // the last command with --resume added: continue that file
    }
    if (results != null && Files.exists(results)) {
      throw new IllegalArgumentException(
          "results file "
              + results
              + " exists: continue it with --resume "
              + results
              + ", or choose another name");
    }
    if (resume != null && !Files.isRegularFile(resume)) {
      throw new IllegalArgumentException("no such results file to resume: " + resume);
    }
    return options.request(options.source(), results, resume);
  }

  private static boolean sameFile(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }
}
