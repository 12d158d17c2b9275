package dev.reel.identify;

import dev.reel.concurrent.ItemOutcome;
import dev.reel.concurrent.ParallelMap;
import dev.reel.concurrent.StopToken;
import dev.reel.progress.ProgressModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * Identifies a stream of names in input order, on one thread or, for long lists, on several: names
 * go out in batches of {@value #BATCH} to a parallel map that emits batches in order.
 */
public final class IdentifyJob {
  static final int BATCH = 2_000;
  private final Identifier identifier;
  private final Hints hints;
  private final int workers;

  public IdentifyJob(Identifier identifier, Hints hints, int workers) {
    this.identifier = identifier;
    this.hints = hints;
    this.workers = workers;
  }

  /** Identifies every name and hands each identity to {@code sink}, in input order. */
  public void run(Iterator<String> names, Consumer<Identity> sink) {
    run(names, sink, new StopToken(), new ProgressModel("identify", "names", System::nanoTime));
  }

  /**
   * Identifies names until the end or a stop, counting each in {@code progress}.
   *
   * @return how many names were read but not identified because of a stop
   */
  public long run(
      Iterator<String> names, Consumer<Identity> sink, StopToken stop, ProgressModel progress) {
    Consumer<Identity> counted =
        id -> {
          sink.accept(id);
          progress.ok();
        };
    if (workers == 1) {
      while (!stop.isStopped() && names.hasNext()) {
        counted.accept(identifier.identify(names.next(), hints));
      }
      return 0;
    }
    return new ParallelMap<List<String>, List<Identity>>(workers, null, true, "reel-identify")
        .run(
            batches(names),
            batch -> batch.stream().map(n -> identifier.identify(n, hints)).toList(),
            outcome -> {
              switch (outcome) {
                case ItemOutcome.Done<List<String>, List<Identity>> d -> d.value().forEach(counted);
                case ItemOutcome.Failed<List<String>, List<Identity>> f ->
                    throw new IllegalStateException("identify failed: " + f.error(), f.error());
                case ItemOutcome.TimedOut<List<String>, List<Identity>> t ->
                    throw new IllegalStateException("identify timed out");
              }
            },
            stop,
            Duration.ofSeconds(1));
  }

  private static Iterator<List<String>> batches(Iterator<String> names) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return names.hasNext();
      }

      @Override
      public List<String> next() {
        if (!names.hasNext()) {
          throw new NoSuchElementException();
        }
        List<String> batch = new ArrayList<>(BATCH);
        while (names.hasNext() && batch.size() < BATCH) {
          batch.add(names.next());
        }
        return batch;
      }
    };
  }
}
