package dev.reel.spark.highlights;

import dev.reel.concurrent.StopToken;
import dev.reel.highlights.HighlightsJob;
import dev.reel.highlights.HighlightsRequest;
import dev.reel.highlights.ReviewPage;
import dev.reel.job.JobSummary;
import dev.reel.progress.ProgressModel;
import dev.reel.spark.OrderedPartitions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code reel spark highlights}: the driver expands the inputs and gives every recording its output
 * folder (unique across the batch, as the local job does); partitions of recordings are analysed
 * and cut on the executors ({@link HighlightsPartition}) into the shared output folder; the driver
 * prints each file's line in input order and writes the batch's overview page.
 */
public final class SparkHighlightsJob {
  /** Why --top is refused: it chooses across the whole batch, before any clip is cut. */
  public static final String NO_TOP =
      "--top chooses across the whole batch, which reel spark highlights does not do yet:"
          + " use --max-clips (per file), or reel highlights --top on one machine";

  private final JavaSparkContext sc;

  public SparkHighlightsJob(JavaSparkContext sc) {
    this.sc = sc;
  }

  /**
   * Runs the batch; each file's printed line goes to {@code lines} (JSON with {@code json}).
   *
   * @param partitions parts to split the recordings into; 0 for one per recording up to four per
   *     core of the cluster
   */
  public JobSummary run(
      HighlightsRequest request,
      int partitions,
      boolean json,
      Consumer<String> lines,
      StopToken stop,
      ProgressModel progress)
      throws IOException {
    if (request.top() > 0) {
      throw new IllegalArgumentException(NO_TOP);
    }
    Map<Path, Path> folders = HighlightsJob.folders(request);
    boolean absolute = !sc.isLocal();
    List<HighlightsPartition.Input> inputs = new ArrayList<>();
    for (Path p : request.inputs()) {
      Path folder = folders.get(p);
      inputs.add(
          new HighlightsPartition.Input(
              (absolute ? p.toAbsolutePath() : p).toString(),
              (absolute ? folder.toAbsolutePath() : folder).toString()));
    }
    progress.beginPhase("analyse and cut");
    progress.total(inputs.size());
    Files.createDirectories(request.out());
    int parts =
        partitions > 0
            ? Math.min(partitions, inputs.size())
            : Math.min(inputs.size(), sc.defaultParallelism() * 4);
    List<ReviewPage.OverviewRow> rows = new ArrayList<>();
    long[] counts = {0, 0}; // ok, failed
    OrderedPartitions.run(
        sc,
        sc.parallelize(inputs, parts),
        "highlights of " + inputs.size() + " recordings",
        new HighlightsPartition(HighlightsPlan.of(request)),
        part -> {},
        part -> {
          for (FileLine l : part) {
            lines.accept(json ? l.json() : l.table());
            if (l.failed()) {
              counts[1]++;
              progress.failed();
            } else {
              counts[0]++;
              progress.ok();
            }
            if (l.row() != null) {
              rows.add(l.row());
            }
          }
        },
        stop);
    if (rows.size() > 1) {
      ReviewPage.writeOverview(request.out(), rows);
    }
    return new JobSummary(
        "highlights",
        "files",
        counts[0],
        counts[1],
        0,
        inputs.size() - counts[0] - counts[1],
        Duration.ofNanos(progress.jobElapsedNanos()),
        stop.isStopped());
  }
}
