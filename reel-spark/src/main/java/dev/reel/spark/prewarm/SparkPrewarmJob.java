package dev.reel.spark.prewarm;

import dev.reel.concurrent.StopToken;
import dev.reel.job.InvalidRequestException;
import dev.reel.prewarm.ListedObject;
import dev.reel.prewarm.ObjectList;
import dev.reel.prewarm.ObjectSink;
import dev.reel.prewarm.PrewarmRequest;
import dev.reel.prewarm.PrewarmStats;
import dev.reel.prewarm.PrewarmSummary;
import dev.reel.progress.ProgressModel;
import dev.reel.spark.OrderedPartitions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code reel spark prewarm}: the driver lists the objects, deals them into partitions by a hash of
 * their path (so a resume puts every pair in the partition that has its results, whatever order the
 * listing comes in), each executor runs the local request pipeline over its share ({@link
 * PrewarmPartition}), and the partitions' statistics come back as compressed histograms and merge
 * on the driver: the report's counts and percentiles are those of one run over all pairs.
 */
public final class SparkPrewarmJob {
  /** Pairs per partition when the user does not say. */
  static final int PAIRS_PER_PARTITION = 25_000;

  private static final int PROBLEMS_SHOWN = 10;

  private final JavaSparkContext sc;
  private final Consumer<String> problems;

  /**
   * @param problems receives one line per listing problem, and the first failed requests
   */
  public SparkPrewarmJob(JavaSparkContext sc, Consumer<String> problems) {
    this.sc = sc;
    this.problems = problems;
  }

  /**
   * How a run ended.
   *
   * @param notMade listed requests not made because of a stop (a resume makes them)
   */
  public record Result(
      PrewarmSummary summary, long notMade, boolean stopped, int parts, long statsBytes) {}

  /**
   * Runs the prewarm.
   *
   * @param folder the results folder (part files; created), or null for no results files
   * @param resume whether {@code folder} holds an earlier run to continue
   * @param partitions parts to split the pairs into; 0 for a default (a resume takes the folder's)
   * @throws InvalidRequestException when the folder does not fit the request
   */
  public Result run(
      PrewarmRequest request,
      Path folder,
      boolean resume,
      int partitions,
      StopToken stop,
      ProgressModel progress)
      throws IOException {
    String started = Instant.now().toString();
    long t0 = System.nanoTime();
    int parts = partitions(folder, resume, partitions);
    progress.phase("listing");
    List<ListedObject> objects = list(request, progress, stop);
    int derivatives = request.derivatives().size();
    progress.totalComplete();
    if (parts == 0) {
      long pairs = (long) objects.size() * derivatives;
      parts =
          (int)
              Math.max(
                  sc.defaultParallelism() * 4L,
                  (pairs + PAIRS_PER_PARTITION - 1) / PAIRS_PER_PARTITION);
    }
    if (folder != null) {
      Files.createDirectories(folder);
    }
    List<List<ListedObject>> buckets = deal(objects, parts);
    PrewarmStats stats = new PrewarmStats();
    long[] notMade = {0};
    long[] statsBytes = {0};
    double[] seconds = {0};
    boolean[] partStopped = {false};
    int[] shown = {0};
    int delivered = 0;
    if (!stop.isStopped() && !objects.isEmpty()) {
      progress.phase("requesting");
      PrewarmRequest template =
          request.forPart(new ObjectList(request.source().describe(), List.of()), null, null);
      delivered =
          OrderedPartitions.run(
              sc,
              sc.parallelize(buckets, parts),
              "prewarm of " + (long) objects.size() * derivatives + " requests",
              new PrewarmPartition(template, folder == null ? null : folder.toString()),
              part -> {
                stats.add(PrewarmStats.decode(part.stats()));
                statsBytes[0] += part.stats().length;
                progress.add(part.ok(), part.failed(), part.skipped());
                notMade[0] += part.notMade();
                seconds[0] = Math.max(seconds[0], part.seconds());
                partStopped[0] |= part.stopped();
                for (String p : part.problems()) {
                  if (shown[0]++ < PROBLEMS_SHOWN) {
                    problems.accept(p);
                  } else if (shown[0] == PROBLEMS_SHOWN + 1) {
                    problems.accept("more requests failed: see the report and the results files");
                  }
                }
              },
              part -> {},
              stop);
    }
    boolean stopped = stop.isStopped() || partStopped[0];
    if (delivered < buckets.size()) {
      notMade[0] += progress.snapshot().total() - progress.snapshot().done();
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    PrewarmSummary summary =
        stats.summary(request.header(started), Math.max(wall, seconds[0]), stopped);
    return new Result(summary, notMade[0], stopped, delivered, statsBytes[0]);
  }

  /** The partition count: the one asked for, or a resumed folder's. */
  private static int partitions(Path folder, boolean resume, int asked) throws IOException {
    if (asked < 0) {
      throw new InvalidRequestException("--partitions must be at least 1, not " + asked);
    }
    if (folder == null) {
      return asked;
    }
    int found = partFiles(folder);
    if (!resume) {
      if (found > 0) {
        throw new InvalidRequestException(
            "results folder "
                + folder
                + " holds an earlier run's parts: continue it with --resume "
                + folder
                + ", or choose another folder");
      }
      return asked;
    }
    if (found == 0) {
      throw new InvalidRequestException("no results parts (part-*.jsonl) to resume in " + folder);
    }
    if (asked > 0 && asked != found) {
      throw new InvalidRequestException(
          folder
              + " was written by "
              + found
              + " partitions; resume it with --partitions "
              + found
              + " (or leave --partitions out)");
    }
    return found;
  }

  private static int partFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    int max = 0;
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String n = f.getFileName().toString();
        if (n.matches("part-\\d{5}\\.jsonl")) {
          max = Math.max(max, Integer.parseInt(n.substring(5, 10)) + 1);
        }
      }
    }
    return max;
  }

  private List<ListedObject> list(PrewarmRequest request, ProgressModel progress, StopToken stop)
      throws IOException {
    List<ListedObject> objects = new ArrayList<>();
    request
        .source()
        .list(
            new ObjectSink() {
              @Override
              public boolean accept(ListedObject o) {
                request.requireUrlFor(o);
                objects.add(o);
                progress.addTotal(request.derivatives().size());
                return !stop.isStopped();
              }

              @Override
              public void problem(String message) {
                progress.failed();
                problems.accept(message);
              }
            });
    return objects;
  }

  /**
   * Deals objects into {@code parts} lists by a hash of the path: the same object, the same part.
   */
  static List<List<ListedObject>> deal(List<ListedObject> objects, int parts) {
    List<List<ListedObject>> buckets = new ArrayList<>(parts);
    for (int i = 0; i < parts; i++) {
      buckets.add(new ArrayList<>());
    }
    for (ListedObject o : objects) {
      buckets.get(part(o.path(), parts)).add(o);
    }
    return buckets;
  }

  static int part(String path, int parts) {
    long h = 0xcbf29ce484222325L;
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return (int) Math.floorMod(h ^ (h >>> 29), (long) parts);
  }
}
