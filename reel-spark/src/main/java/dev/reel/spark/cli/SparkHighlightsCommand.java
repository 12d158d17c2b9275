package dev.reel.spark.cli;

import dev.reel.cli.HighlightsOptions;
import dev.reel.cli.JobRunner;
import dev.reel.cli.ProgressOptions;
import dev.reel.cli.StdStreams;
import dev.reel.highlights.HighlightsJob;
import dev.reel.highlights.HighlightsRequest;
import dev.reel.media.ffmpeg.FfmpegLibrary;
import dev.reel.spark.SparkContexts;
import dev.reel.spark.highlights.SparkHighlightsJob;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reel spark highlights INPUT... --out DIR}: the recordings spread over a cluster. */
@Command(
    name = "highlights",
    header = "Find the loud moments of long recordings and cut them as clips, on Spark.",
    mixinStandardHelpOptions = true,
    description = {
      "reel highlights on Spark: the driver expands the inputs and gives each recording its",
      "folder in --out; executors analyse and cut parts of the batch with the local job, into",
      "--out, which every executor must see (a shared mount), as they must see the inputs.",
      "Prints each file's line in input order and writes the overview page, as reel highlights",
      "does. --workers: recordings at once per part (default 1). Not yet: --top, --levels.",
      "Exit code: 0 all files fine, 1 some failed, 2 usage error, 3 reel failed, 130 stopped."
    })
public final class SparkHighlightsCommand implements Callable<Integer> {
  private final StdStreams streams;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin HighlightsOptions options = new HighlightsOptions();

  @Option(names = "--json", description = "One JSON object per file and line.")
  boolean json;

  @Mixin SparkOptions spark = new SparkOptions();
  @Mixin ProgressOptions output = new ProgressOptions();

  public SparkHighlightsCommand(StdStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws Exception {
    if (options.acrossTheBatch()) {
      throw new CommandLine.ParameterException(spec.commandLine(), SparkHighlightsJob.NO_TOP);
    }
    HighlightsRequest request =
        JobRunner.request(
            spec,
            () ->
                options.request(
                    false, w -> streams.err().println("reel spark highlights: " + w), 1));
    FfmpegLibrary.logErrors(output.verbose());
    try (JavaSparkContext sc = SparkContexts.open("highlights", spark.master)) {
      SparkHighlightsJob job = new SparkHighlightsJob(sc);
      return new JobRunner(streams, output)
          .run(
              "highlights",
              "files",
              "stopping: the cluster's tasks are cancelled; the lines so far and the summary are"
                  + " written",
              HighlightsJob.STOP_GRACE.plusSeconds(20),
              (stop, progress) ->
                  job.run(request, spark.partitions, json, streams.out()::println, stop, progress));
    }
  }
}
