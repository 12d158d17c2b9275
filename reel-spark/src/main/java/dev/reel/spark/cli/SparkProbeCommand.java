package dev.reel.spark.cli;

import dev.reel.cli.JobRunner;
import dev.reel.cli.ProbeOptions;
import dev.reel.cli.ProgressOptions;
import dev.reel.cli.StdStreams;
import dev.reel.media.ffmpeg.FfmpegLibrary;
import dev.reel.probe.ProbeJob;
import dev.reel.probe.ProbeJsonWriter;
import dev.reel.probe.ProbeRequest;
import dev.reel.probe.ProbeResultWriter;
import dev.reel.probe.ProbeTableWriter;
import dev.reel.spark.SparkContexts;
import dev.reel.spark.probe.SparkProbeJob;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reel spark probe PATH...}: {@code reel probe} with the files spread over a cluster. */
@Command(
    name = "probe",
    header = "Read the technical metadata of every video file, on Spark.",
    mixinStandardHelpOptions = true,
    description = {
      "reel probe on Spark: the driver walks the paths, executors probe parts of the files",
      "(in-process FFmpeg), and the results print in walk order as 'reel probe' prints them.",
      "Every executor must see the paths (a shared mount). --workers: probes at once per part",
      "(default 1: Spark already runs one part per core).",
      "Exit code: 0 all files fine, 1 some failed, 2 usage error, 3 reel failed, 130 stopped."
    })
public final class SparkProbeCommand implements Callable<Integer> {
  private final StdStreams streams;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "One JSON object per file and line.")
  boolean json;

  @Mixin ProbeOptions probe = new ProbeOptions();
  @Mixin SparkOptions spark = new SparkOptions();
  @Mixin ProgressOptions output = new ProgressOptions();

  public SparkProbeCommand(StdStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws Exception {
    ProbeRequest request = JobRunner.request(spec, () -> probe.request(1));
    FfmpegLibrary.logErrors(output.verbose());
    try (JavaSparkContext sc = SparkContexts.open("probe", spark.master)) {
      SparkProbeJob job =
          new SparkProbeJob(sc, w -> streams.err().println("reel spark probe: " + w));
      return new JobRunner(streams, output)
          .run(
              "probe",
              "files",
              "stopping: the cluster's tasks are cancelled; the results so far and the summary"
                  + " are written",
              ProbeJob.STOP_GRACE.plusSeconds(10),
              (stop, progress) -> {
                try (ProbeResultWriter writer =
                    json
                        ? new ProbeJsonWriter(streams.out())
                        : new ProbeTableWriter(streams.out(), streams.outIsTerminal())) {
                  return job.run(request, spark.partitions, writer, stop, progress);
                }
              });
    }
  }
}
