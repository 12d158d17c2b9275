package dev.reel.spark.cli;

import dev.reel.cli.JobRunner;
import dev.reel.cli.PrewarmEnding;
import dev.reel.cli.PrewarmOptions;
import dev.reel.cli.ProgressOptions;
import dev.reel.cli.StdStreams;
import dev.reel.job.JobSummary;
import dev.reel.media.DurationText;
import dev.reel.prewarm.PrewarmRequest;
import dev.reel.prewarm.Reports;
import dev.reel.spark.SparkContexts;
import dev.reel.spark.prewarm.SparkPrewarmJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reel spark prewarm}: {@code reel prewarm} with the pairs spread over a cluster. */
@Command(
    name = "prewarm",
    header = "Warm every derivative of every listed video, on Spark.",
    mixinStandardHelpOptions = true,
    description = {
      "reel prewarm on Spark: the driver lists the objects, executors request parts of the",
      "(object, derivative) pairs with the local request pipeline (--concurrency and --rate are",
      "per part), and the parts' histograms merge into one exact report.",
      "--results DIR: one results file per part (part-NNNNN.jsonl) on storage every executor",
      "shares; reports go beside them; 'reel prewarm report DIR' rebuilds them."
    })
public final class SparkPrewarmCommand implements Callable<Integer> {
  private final StdStreams streams;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin PrewarmOptions options = new PrewarmOptions();

  @Option(
      names = "--results",
      paramLabel = "DIR",
      description = "Write the parts' results files into DIR (must hold no earlier run).")
  Path results;

  @Option(
      names = "--resume",
      paramLabel = "DIR",
      description = "Continue the run in results folder DIR: each part skips its pairs done.")
  Path resume;

  @Option(
      names = "--report-dir",
      paramLabel = "DIR",
      description = "Where reports go (default: the results folder).")
  Path reportDir;

  @Option(
      names = "--metrics-file",
      paramLabel = "FILE",
      description = "Also write Prometheus text metrics to FILE.")
  Path metricsFile;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Mixin SparkOptions spark = new SparkOptions();
  @Mixin ProgressOptions output = new ProgressOptions();

  public SparkPrewarmCommand(StdStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws Exception {
    if (results != null && resume != null && !results.equals(resume)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "give --results or --resume, not both: --resume continues a folder");
    }
    Path folder = resume != null ? resume : results;
    if (folder != null && Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), folder + " is a file; reel spark prewarm writes a folder of parts");
    }
    PrewarmRequest request =
        JobRunner.request(spec, () -> options.request(options.source(), null, null));
    try (JavaSparkContext sc = SparkContexts.open("prewarm", spark.master)) {
      SparkPrewarmJob job = new SparkPrewarmJob(sc, m -> streams.err().println("prewarm: " + m));
      return new JobRunner(streams, output)
          .run(
              "prewarm",
              "requests",
              "stopping; the cluster's tasks are cancelled (in-flight requests get "
                  + DurationText.format(request.stopGrace())
                  + "), then the reports are written",
              request.stopGrace().plusSeconds(30),
              (stop, progress) -> {
                SparkPrewarmJob.Result r =
                    job.run(request, folder, resume != null, spark.partitions, stop, progress);
                Reports.Targets targets =
                    folder != null
                        ? Reports.Targets.forFolder(folder, reportDir, metricsFile)
                        : Reports.Targets.forRun(null, reportDir, metricsFile);
                streams
                    .err()
                    .printf(
                        "prewarm: merged the statistics of %d parts (%.1f KB in all)%n",
                        r.parts(), r.statsBytes() / 1024.0);
                PrewarmEnding.print(streams, r.summary(), targets, json, folder, r.notMade());
                return JobSummary.of(progress.snapshot(), r.notMade(), r.stopped());
              });
    }
  }
}
