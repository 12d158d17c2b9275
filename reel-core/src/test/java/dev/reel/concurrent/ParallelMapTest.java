package dev.reel.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelMapTest {

  private static List<Integer> range(int n) {
    return IntStream.range(0, n).boxed().toList();
  }

  @Test
  void emitsInInputOrderWhenOrdered() {
    List<Integer> seen = new ArrayList<>();
    new ParallelMap<Integer, Integer>(4, null, true, "t")
        .run(
            range(500).iterator(),
            i -> {
              if (i % 7 == 0) {
                Thread.yield();
              }
              return i * 2;
            },
            o -> seen.add(((ItemOutcome.Done<Integer, Integer>) o).value()));
    assertThat(seen).isEqualTo(range(500).stream().map(i -> i * 2).toList());
  }

  @Test
  void aThrowingTaskFailsOnlyItsItem() {
    List<ItemOutcome<Integer, Integer>> seen = Collections.synchronizedList(new ArrayList<>());
    new ParallelMap<Integer, Integer>(2, null, false, "t")
        .run(
            range(20).iterator(),
            i -> {
              if (i == 13) {
                throw new IllegalStateException("bad item");
              }
              return i;
            },
            seen::add);
    assertThat(seen).hasSize(20);
    assertThat(seen)
        .filteredOn(o -> o instanceof ItemOutcome.Failed)
        .singleElement()
        .satisfies(o -> assertThat(o.item()).isEqualTo(13));
  }

  @Test
  void aStuckItemTimesOutAndTheBatchGoesOnWithAllWorkers() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    List<ItemOutcome<Integer, Integer>> seen = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger ran = new AtomicInteger();
    new ParallelMap<Integer, Integer>(1, Duration.ofMillis(100), true, "t")
        .run(
            range(10).iterator(),
            i -> {
              ran.incrementAndGet();
              if (i == 3) {
                // blocks, ignoring interrupts, like a read stuck in the kernel
                while (true) {
                  try {
                    if (release.await(10, TimeUnit.SECONDS)) {
                      return -1;
                    }
                  } catch (InterruptedException e) {
                    // keep blocking
                  }
                }
              }
              return i;
            },
            seen::add);
    release.countDown();
    assertThat(seen).hasSize(10);
    assertThat(seen.get(3)).isInstanceOf(ItemOutcome.TimedOut.class);
    assertThat(seen.stream().filter(o -> o instanceof ItemOutcome.Done).count()).isEqualTo(9);
    assertThat(ran.get()).isEqualTo(10); // the single worker was replaced
  }

  @Test
  void keepsAtMostTheWindowOfItemsInFlight() {
    AtomicInteger pulled = new AtomicInteger();
    AtomicInteger maxAhead = new AtomicInteger();
    AtomicInteger emitted = new AtomicInteger();
    var items =
        new java.util.Iterator<Integer>() {
          @Override
          public boolean hasNext() {
            return pulled.get() < 10_000;
          }

          @Override
          public Integer next() {
            maxAhead.accumulateAndGet(pulled.get() - emitted.get(), Math::max);
            return pulled.getAndIncrement();
          }
        };
    new ParallelMap<Integer, Integer>(2, null, true, "t")
        .run(items, i -> i, o -> emitted.incrementAndGet());
    assertThat(emitted.get()).isEqualTo(10_000);
    assertThat(maxAhead.get()).isLessThanOrEqualTo(64);
  }

  @Test
  void aSinkFailureStopsTheRunAndIsRethrown() {
    assertThatThrownBy(
            () ->
                new ParallelMap<Integer, Integer>(2, null, true, "t")
                    .run(
                        range(1000).iterator(),
                        i -> i,
                        o -> {
                          if (o.item() == 5) {
                            throw new IllegalStateException("stdout closed");
                          }
                        }))
        .hasMessage("stdout closed");
  }

  @Test
  void aStopDropsQueuedItemsAndLetsRunningOnesFinish() throws Exception {
    StopToken stop = new StopToken();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch fourTaken = new CountDownLatch(1); // item 4 is queued: the stop must drop it
    List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
    Thread stopper =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    started.await();
                    fourTaken.await();
                    stop.stop();
                    release.countDown();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    long dropped =
        new ParallelMap<Integer, Integer>(1, null, true, "t")
            .run(
                new java.util.Iterator<Integer>() {
                  private final java.util.Iterator<Integer> all = range(1_000).iterator();

                  @Override
                  public boolean hasNext() {
                    return all.hasNext();
                  }

                  @Override
                  public Integer next() {
                    Integer i = all.next();
                    if (i == 4) {
                      fourTaken.countDown();
                    }
                    return i;
                  }
                },
                i -> {
                  if (i == 3) {
                    started.countDown();
                    awaitQuietly(release); // running when the stop comes: it finishes
                  }
                  return i;
                },
                o -> seen.add(o.item()),
                stop,
                Duration.ofMinutes(1));
    stopper.join();
    assertThat(seen).containsExactly(0, 1, 2, 3);
    assertThat(dropped).isPositive().isLessThan(1_000);
  }

  @Test
  void anItemStillRunningAfterTheGracePeriodIsDroppedAndItsWorkerInterrupted() {
    StopToken stop = new StopToken();
    CountDownLatch interrupted = new CountDownLatch(1);
    List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
    long dropped =
        new ParallelMap<Integer, Integer>(1, null, true, "t")
            .run(
                range(3).iterator(),
                i -> {
                  if (i == 1) {
                    stop.stop();
                    try {
                      new CountDownLatch(1).await(); // never ends by itself
                    } catch (InterruptedException e) {
                      interrupted.countDown();
                    }
                  }
                  return i;
                },
                o -> seen.add(o.item()),
                stop,
                Duration.ofMillis(50));
    assertThat(seen).containsExactly(0);
    assertThat(dropped).isBetween(1L, 2L); // item 2 may not have been taken before the stop
    awaitQuietly(interrupted);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
