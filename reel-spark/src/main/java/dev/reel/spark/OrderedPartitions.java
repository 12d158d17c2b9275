package dev.reel.spark;

import dev.reel.concurrent.StopToken;
import dev.reel.job.JobFailedException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Function0;
import scala.Function1;
import scala.Function2;
import scala.runtime.BoxedUnit;

/**
 * Runs a function over every partition of an RDD on the executors and hands the partitions' results
 * to the driver in partition order, each as soon as it and all before it have finished: a job's
 * output streams in the order of its input, as the local job writes it, while later partitions
 * still run. A stop cancels the Spark job (running tasks are interrupted); what had arrived in
 * order is kept.
 */
public final class OrderedPartitions {
  /** The work one partition does on an executor. */
  public interface PartitionWork<T, R> extends Serializable {
    R run(int partition, Iterator<T> items) throws Exception;
  }

  private static final long POLL_MILLIS = 200;

  private OrderedPartitions() {}

  /**
   * Runs {@code work} over each partition of {@code items} and gives each result to {@code arrived}
   * as it comes back (for progress) and to {@code sink} in partition order, both on the calling
   * thread.
   *
   * @return how many partitions delivered a result (fewer than all after a stop)
   * @throws JobFailedException when a partition failed after Spark's retries
   */
  public static <T, R> int run(
      JavaSparkContext sc,
      JavaRDD<T> items,
      String description,
      PartitionWork<T, R> work,
      Consumer<R> arrived,
      Consumer<R> sink,
      StopToken stop) {
    JavaRDD<R> results =
        items.mapPartitionsWithIndex((index, it) -> List.of(work.run(index, it)).iterator(), true);
    int partitions = results.getNumPartitions();
    BlockingQueue<Map.Entry<Integer, R>> back = new LinkedBlockingQueue<>();
    String group = "reel-" + System.nanoTime();
    sc.setJobGroup(group, description, true);
    List<Object> ids = new ArrayList<>(partitions);
    for (int i = 0; i < partitions; i++) {
      ids.add(i);
    }
    SimpleFutureAction<Object> job =
        sc.sc()
            .submitJob(
                results.rdd(),
                (Function1<scala.collection.Iterator<R>, R> & Serializable) it -> it.next(),
                scala.jdk.javaapi.CollectionConverters.asScala(ids).toSeq(),
                (Function2<Object, R, BoxedUnit>)
                    (index, r) -> {
                      back.add(Map.entry((Integer) index, r));
                      return BoxedUnit.UNIT;
                    },
                (Function0<Object>) () -> null);
    Runnable cancel = () -> sc.cancelJobGroup(group);
    stop.onStop(cancel);
    Map<Integer, R> waiting = new HashMap<>();
    int next = 0;
    try {
      while (next < partitions) {
        Map.Entry<Integer, R> e = back.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (e == null) {
          if (stop.isStopped()) {
            break;
          }
          if (job.isCompleted() && back.isEmpty()) {
            failure(job, description);
            break;
          }
          continue;
        }
        arrived.accept(e.getValue());
        waiting.put(e.getKey(), e.getValue());
        while (waiting.containsKey(next)) {
          sink.accept(waiting.remove(next));
          next++;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancel.run();
    } finally {
      if (next < partitions) {
        cancel.run();
      }
      sc.clearJobGroup();
    }
    return next;
  }

  /** Throws what made a finished job end without all its results. */
  private static void failure(SimpleFutureAction<Object> job, String description) {
    try {
      job.get();
    } catch (Exception e) {
      throw new JobFailedException(description + " failed on the cluster: " + firstLine(e), e);
    }
    throw new JobFailedException(description + ": the cluster returned fewer results than parts");
  }

  private static String firstLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return m.lines().findFirst().orElse(m);
  }
}
