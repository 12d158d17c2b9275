package dev.reel.spark.prewarm;

import dev.reel.prewarm.ListedObject;
import dev.reel.prewarm.ObjectList;
import dev.reel.prewarm.PrewarmJob;
import dev.reel.prewarm.PrewarmRequest;
import dev.reel.prewarm.PrewarmSummary;
import dev.reel.progress.ProgressModel;
import dev.reel.progress.ProgressSnapshot;
import dev.reel.spark.OrderedPartitions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One partition of a prewarm, on an executor: the local {@link PrewarmJob} (its request pipeline,
 * limits and retries) over the partition's objects. With a results folder, the partition writes
 * {@code part-NNNNN.jsonl} in it, and continues that file when it exists: a task that Spark runs
 * again after an executor died skips the pairs its first attempt finished, so no request is counted
 * twice.
 *
 * @param template the run's request (its source and files are the partition's own)
 * @param resultsFolder the folder for part files (on storage every executor shares), or null
 */
record PrewarmPartition(PrewarmRequest template, String resultsFolder)
    implements OrderedPartitions.PartitionWork<List<ListedObject>, PartOutcome> {
  /** Problem lines a partition sends back at most (the results files hold every failure). */
  static final int PROBLEMS_KEPT = 10;

  static String partName(int partition) {
    return String.format("part-%05d.jsonl", partition);
  }

  @Override
  public PartOutcome run(int partition, Iterator<List<ListedObject>> buckets) throws Exception {
    List<ListedObject> objects = new ArrayList<>();
    buckets.forEachRemaining(objects::addAll);
    Path file = resultsFolder == null ? null : Path.of(resultsFolder).resolve(partName(partition));
    boolean again = file != null && Files.exists(file);
    PrewarmRequest request =
        template.forPart(
            new ObjectList("part " + partition + " of " + template.source().describe(), objects),
            again ? null : file,
            again ? file : null);
    List<String> problems = new ArrayList<>();
    PrewarmJob job =
        new PrewarmJob(
            request,
            m -> {
              if (problems.size() < PROBLEMS_KEPT) {
                problems.add(m);
              }
            },
            m -> {});
    ProgressModel progress = new ProgressModel("prewarm", "requests", System::nanoTime);
    PrewarmSummary summary = job.run(progress);
    ProgressSnapshot counted = progress.snapshot();
    return new PartOutcome(
        partition,
        job.stats().encode(),
        counted.ok(),
        counted.failed(),
        counted.skipped(),
        job.cancelledCount() + job.notStartedCount(),
        summary.elapsedSeconds(),
        job.stopped(),
        List.copyOf(problems));
  }
}
