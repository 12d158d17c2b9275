package dev.reel.spark.probe;

import dev.reel.concurrent.StopToken;
import dev.reel.job.JobSummary;
import dev.reel.media.ProbeOutcome;
import dev.reel.probe.ProbeJob;
import dev.reel.probe.ProbeRecordCodec;
import dev.reel.probe.ProbeRequest;
import dev.reel.progress.ProgressModel;
import dev.reel.spark.OrderedPartitions;
import dev.reel.walk.FolderWalker;
import dev.reel.walk.WalkedFile;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code reel spark probe}: the driver walks the paths with the local job's walker, partitions of
 * paths are probed on the executors ({@link ProbePartition}), and the results come back to the same
 * writer as {@code reel probe}'s, in walk order, with the same summary.
 */
public final class SparkProbeJob {
  /** Files per partition when the user does not say: small enough for progress to move. */
  static final int FILES_PER_PARTITION = 500;

  private final JavaSparkContext sc;
  private final Consumer<String> warnings;

  /**
   * @param warnings receives one line for each folder that could not be walked
   */
  public SparkProbeJob(JavaSparkContext sc, Consumer<String> warnings) {
    this.sc = sc;
    this.warnings = warnings;
  }

  /**
   * Probes every file below the request's paths.
   *
   * @param partitions how many parts to split the files into; 0 for a default from the files and
   *     the cluster's cores
   */
  public JobSummary run(
      ProbeRequest request,
      int partitions,
      Consumer<ProbeOutcome> sink,
      StopToken stop,
      ProgressModel progress) {
    progress.phase("listing");
    List<String> paths = new ArrayList<>();
    Iterator<WalkedFile> files =
        new FolderWalker(
                FolderWalker.extensions(request.extensions()), request.includeHidden(), warnings)
            .walk(request.paths());
    // an executor elsewhere has another working folder: a cluster gets absolute paths
    boolean absolute = !sc.isLocal();
    while (files.hasNext() && !stop.isStopped()) {
      WalkedFile f = files.next();
      paths.add((absolute ? f.path().toAbsolutePath() : f.path()).toString());
      progress.addTotal(1);
    }
    progress.totalComplete();
    if (paths.isEmpty() || stop.isStopped()) {
      return JobSummary.of(progress.snapshot(), paths.size(), stop.isStopped());
    }
    int parts = partitions > 0 ? partitions : defaultPartitions(paths.size());
    progress.phase("probing");
    long[] delivered = {0};
    OrderedPartitions.run(
        sc,
        sc.parallelize(paths, Math.min(parts, paths.size())),
        "probe of " + paths.size() + " files",
        new ProbePartition(request.depth(), request.timeout(), request.workers()),
        lines -> {},
        lines -> {
          for (String line : lines) {
            ProbeOutcome o = ProbeRecordCodec.decode(line);
            sink.accept(o);
            ProbeJob.status(o).countIn(progress);
          }
          delivered[0] += lines.size();
        },
        stop);
    return JobSummary.of(progress.snapshot(), paths.size() - delivered[0], stop.isStopped());
  }

  private int defaultPartitions(int files) {
    return Math.max(
        sc.defaultParallelism() * 4, (files + FILES_PER_PARTITION - 1) / FILES_PER_PARTITION);
  }
}
