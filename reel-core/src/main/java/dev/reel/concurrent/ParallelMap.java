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
 *
 * <p>Stopping: once the {@link StopToken} is stopped, no more items are taken from the iterator,
 * queued items are dropped without running, and running items get the stop grace period to finish;
 * after it the watchdog drops them too and interrupts their workers. Dropped items reach no sink;
 * {@link #run} returns how many there were.
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
    run(items, task, sink, new StopToken(), Duration.ZERO);
  }

  /**
   * As {@link #run(Iterator, Function, Consumer)}, stopping early when {@code stop} is stopped.
   *
   * @param stopGrace how long running items may go on after a stop
   * @return how many items were dropped (taken from the iterator but not run to the end) by a stop
   */
  public long run(
      Iterator<I> items,
      Function<I, O> task,
      Consumer<ItemOutcome<I, O>> sink,
      StopToken stop,
      Duration stopGrace) {
    Run r = new Run(task, sink, stop, stopGrace.toNanos());
    r.execute(items);
    return r.dropped;
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
    private final StopToken stop;
    private final long stopGraceNanos;
    private long nextToEmit;
    private long emitted;
    private long dropped;
    private long dispatched = -1; // unknown until the iterator is exhausted
    private RuntimeException sinkFailure;
    private volatile boolean finished;

    Run(Function<I, O> task, Consumer<ItemOutcome<I, O>> sink, StopToken stop, long graceNanos) {
      this.task = task;
      this.sink = sink;
      this.stop = stop;
      this.stopGraceNanos = graceNanos;
    }

    void execute(Iterator<I> items) {
      for (int i = 0; i < workers; i++) {
        startWorker();
      }
      Thread watchdog = startWatchdog();
      stop.onStop(() -> LockSupport.unpark(watchdog));
      long seq = 0;
      try {
        while (!stop.isStopped() && failure() == null && items.hasNext()) {
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
        LockSupport.unpark(watchdog);
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
        if (stop.isStopped()) {
          if (slot.completed.compareAndSet(false, true)) {
            complete(slot, null); // dropped: queued when the stop came
          }
          continue;
        }
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
      long limit = timeout == null ? Long.MAX_VALUE / 4 : timeout.toNanos();
      long grace = timeout == null ? 0 : 250_000_000L + limit / 10;
      Thread t =
          new Thread(
              () -> {
                while (!finished) {
                  long now = System.nanoTime();
                  boolean stopping = stop.isStopped();
                  long stopDeadline = stopping ? stop.stoppedAtNanos() + stopGraceNanos : 0;
                  long wait = 100_000_000L;
                  for (Slot s : running) {
                    long overdue = now - (s.startNanos + limit + grace);
                    boolean pastStop = stopping && now - stopDeadline >= 0;
                    if (overdue >= 0 || pastStop) {
                      if (s.completed.compareAndSet(false, true)) {
                        running.remove(s);
                        s.worker.interrupt();
                        startWorker();
                        complete(
                            s, overdue >= 0 ? new ItemOutcome.TimedOut<>(s.item, timeout) : null);
                      }
                    } else {
                      wait = Math.min(wait, -overdue);
                      if (stopping) {
                        wait = Math.min(wait, stopDeadline - now);
                      }
                    }
                  }
                  LockSupport.parkNanos(Math.max(1_000_000L, wait));
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
          while (waiting.containsKey(nextToEmit)) { // a null value is a dropped item
            emit(waiting.remove(nextToEmit++));
          }
        }
        if (dispatched >= 0 && emitted >= dispatched || sinkFailure != null) {
          allEmitted.signalAll();
        }
      } finally {
        emitLock.unlock();
      }
    }

    /** Emits an outcome, or counts a dropped item (null). Called under the emit lock. */
    private void emit(ItemOutcome<I, O> outcome) {
      emitted++;
      inFlight.release();
      if (outcome == null) {
        dropped++;
      } else if (sinkFailure == null) {
        try {
          sink.accept(outcome);
        } catch (RuntimeException e) {
          sinkFailure = e;
        }
      }
    }
  }
}
