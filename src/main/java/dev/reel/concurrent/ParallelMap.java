package dev.reel.concurrent;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Maps items through a task on a fixed number of platform worker threads, handing each item's
 * outcome to a sink, in input order or as items finish.
 *
 * <p>How it works: the calling thread pulls items from the iterator and queues them, but only while
 * fewer than {@code window} items are queued, running or waiting to be emitted, so memory stays
 * bounded however many items there are (and however slow one item is). Workers take items, run the
 * task and complete them. In ordered mode, a completed item waits until every earlier item has been
 * emitted. The sink is called by one thread at a time, under the emit lock.
 *
 * <p>Timeouts: a watchdog thread looks at the items that are running; one that has run past the
 * timeout is completed as {@link ItemOutcome.TimedOut}, its worker is interrupted, and a new worker
 * takes its place, so that a read stuck in the kernel (a dead network mount, a FIFO without a
 * writer) costs one thread, not the batch. The stuck worker exits when its task returns; its late
 * result is dropped. Tasks should also watch the deadline themselves (FFmpeg's interrupt callback
 * does) so that they free their resources at the timeout.
 */
public final class ParallelMap<I, O> {
  private final int workers;
  private final int window;
  private final Duration timeout;
  private final boolean ordered;
  private final String threadName;

  /**
   * @param workers how many tasks run at once
   * @param timeout how long one task may run, or null for no limit
   * @param ordered whether outcomes are emitted in input order
   * @param threadName the prefix of the worker threads' names
   */
  public ParallelMap(int workers, Duration timeout, boolean ordered, String threadName) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers (" + workers + ") must be at least 1");
    }
    this.workers = workers;
    this.window = Math.max(64, workers * 32);
    this.timeout = timeout;
    this.ordered = ordered;
    this.threadName = Objects.requireNonNull(threadName, "threadName");
  }

  /**
   * Runs {@code task} over every item and passes each outcome to {@code sink}. Returns when every
   * item's outcome has been emitted.
   *
   * @throws RuntimeException the first exception thrown by the sink, after which no new items are
   *     started
   */
  public void run(Iterator<I> items, Function<I, O> task, Consumer<ItemOutcome<I, O>> sink) {
    new Run(task, sink).execute(items);
  }

  private final class Slot {
    final long seq;
    final I item;
    final AtomicBoolean completed = new AtomicBoolean();
    volatile Thread worker;
    volatile long startNanos;

    Slot(long seq, I item) {
      this.seq = seq;
      this.item = item;
    }
  }

  private final class Run {
    private final Function<I, O> task;
    private final Consumer<ItemOutcome<I, O>> sink;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Semaphore inFlight = new Semaphore(window);
    private final Set<Slot> running = ConcurrentHashMap.newKeySet();
    private final ReentrantLock emitLock = new ReentrantLock();
    private final Condition allEmitted = emitLock.newCondition();
    private final Map<Long, ItemOutcome<I, O>> waiting = new HashMap<>();
    private final AtomicInteger workerCount = new AtomicInteger();
    private final Object poison = new Object();
    private long nextToEmit;
    private long emitted;
    private long dispatched = -1; // unknown until the iterator is exhausted
    private RuntimeException sinkFailure;
    private volatile boolean finished;

    Run(Function<I, O> task, Consumer<ItemOutcome<I, O>> sink) {
      this.task = task;
      this.sink = sink;
    }

    void execute(Iterator<I> items) {
      for (int i = 0; i < workers; i++) {
        startWorker();
      }
      Thread watchdog = timeout == null ? null : startWatchdog();
      long seq = 0;
      try {
        while (items.hasNext() && failure() == null) {
          inFlight.acquireUninterruptibly();
          queue.add(new Slot(seq++, items.next()));
        }
      } finally {
        for (int i = 0; i < workers; i++) {
          queue.add(poison);
        }
        emitLock.lock();
        try {
          dispatched = seq;
          while (emitted < dispatched && sinkFailure == null) {
            allEmitted.awaitUninterruptibly();
          }
        } finally {
          emitLock.unlock();
        }
        finished = true;
        if (watchdog != null) {
          LockSupport.unpark(watchdog);
        }
      }
      RuntimeException failed = failure();
      if (failed != null) {
        throw failed;
      }
    }

    private RuntimeException failure() {
      emitLock.lock();
      try {
        return sinkFailure;
      } finally {
        emitLock.unlock();
      }
    }

    private void startWorker() {
      Thread t = new Thread(this::work, threadName + "-" + workerCount.incrementAndGet());
      t.setDaemon(true);
      t.start();
    }

    @SuppressWarnings("unchecked")
    private void work() {
      while (true) {
        Object next;
        try {
          next = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        if (next == poison) {
          return;
        }
        Slot slot = (Slot) next;
        slot.worker = Thread.currentThread();
        slot.startNanos = System.nanoTime();
        running.add(slot);
        ItemOutcome<I, O> outcome;
        try {
          outcome = new ItemOutcome.Done<>(slot.item, task.apply(slot.item));
        } catch (Throwable e) { // one item's bug or native failure must not end the batch
          outcome = new ItemOutcome.Failed<>(slot.item, e);
        }
        running.remove(slot);
        if (!slot.completed.compareAndSet(false, true)) {
          Thread.interrupted(); // the watchdog gave up on this item and started a replacement
          return;
        }
        complete(slot, outcome);
      }
    }

    private Thread startWatchdog() {
      long limit = timeout.toNanos();
      long grace = 250_000_000L + limit / 10;
      Thread t =
          new Thread(
              () -> {
                while (!finished) {
                  long now = System.nanoTime();
                  long wait = limit;
                  for (Slot s : running) {
                    long overdue = now - (s.startNanos + limit + grace);
                    if (overdue >= 0) {
                      if (s.completed.compareAndSet(false, true)) {
                        running.remove(s);
                        s.worker.interrupt();
                        startWorker();
                        complete(s, new ItemOutcome.TimedOut<>(s.item, timeout));
                      }
                    } else {
                      wait = Math.min(wait, -overdue);
                    }
                  }
                  LockSupport.parkNanos(Math.max(1_000_000L, Math.min(wait, 100_000_000L)));
                }
              },
              threadName + "-watchdog");
      t.setDaemon(true);
      t.start();
      return t;
    }

    private void complete(Slot slot, ItemOutcome<I, O> outcome) {
      emitLock.lock();
      try {
        if (!ordered) {
          emit(outcome);
        } else {
          waiting.put(slot.seq, outcome);
          ItemOutcome<I, O> next;
          while ((next = waiting.remove(nextToEmit)) != null) {
            nextToEmit++;
            emit(next);
          }
        }
        if (dispatched >= 0 && emitted >= dispatched || sinkFailure != null) {
          allEmitted.signalAll();
        }
      } finally {
        emitLock.unlock();
      }
    }

    private void emit(ItemOutcome<I, O> outcome) {
      emitted++;
      inFlight.release();
      if (sinkFailure == null) {
        try {
          sink.accept(outcome);
        } catch (RuntimeException e) {
          sinkFailure = e;
        }
      }
    }
  }
}
