package dev.reel.prewarm;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands pairs from the listing thread to the HTTP event loops with few thread wake-ups. The listing
 * thread queues prepared pairs (up to {@code capacity}) and starts one itself only while fewer than
 * {@code maxInFlight} run. When a pair finishes, the event-loop thread that finished it starts the
 * next queued pair right there, so in steady state no thread wakes another per request. The listing
 * thread is woken only when the queue has drained to half.
 *
 * <p>A pair that completes at once (a closed client, say) would start the next one inside its own
 * call; a per-thread trampoline runs such chains in a loop instead of a deepening stack. The lock
 * guards the queue, the in-flight count and the waiting flag.
 */
final class PairFeed {
  private static final ThreadLocal<ArrayDeque<Runnable>> TRAMPOLINE = new ThreadLocal<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notFull = lock.newCondition();
  private final Condition idle = lock.newCondition();
  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
  private final int capacity;
  private final int maxInFlight;
  private int inFlight;
  private boolean producerWaiting;

  PairFeed(int maxInFlight, int capacity) {
    this.maxInFlight = maxInFlight;
    this.capacity = Math.max(1, capacity);
  }

  /** Queues a pair, or starts it now when there is room; blocks while the queue is full. */
  void put(Runnable pair) throws InterruptedException {
    boolean startNow = false;
    lock.lockInterruptibly();
    try {
      while (queue.size() >= capacity) {
        producerWaiting = true;
        notFull.await();
      }
      if (inFlight < maxInFlight) {
        inFlight++;
        startNow = true;
      } else {
        queue.add(pair);
      }
    } finally {
      lock.unlock();
    }
    if (startNow) {
      run(pair);
    }
  }

  /** A pair has finished: start the next queued one on this thread, or free its slot. */
  void finished() {
    Runnable next;
    lock.lock();
    try {
      next = queue.poll();
      if (next == null) {
        inFlight--;
        if (inFlight == 0) {
          idle.signalAll();
        }
      }
      if (producerWaiting && queue.size() <= capacity / 2) {
        producerWaiting = false;
        notFull.signal();
      }
    } finally {
      lock.unlock();
    }
    if (next != null) {
      run(next);
    }
  }

  /** Drops the pairs not started yet (a stop); returns how many. */
  int dropQueued() {
    lock.lock();
    try {
      int n = queue.size();
      queue.clear();
      if (producerWaiting) {
        producerWaiting = false;
        notFull.signal();
      }
      return n;
    } finally {
      lock.unlock();
    }
  }

  /** Waits until nothing runs and nothing is queued; false when the time ran out. */
  boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
    long nanos = unit.toNanos(timeout);
    lock.lockInterruptibly();
    try {
      while (inFlight > 0 || !queue.isEmpty()) {
        if (nanos <= 0) {
          return false;
        }
        nanos = idle.awaitNanos(nanos);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  private static void run(Runnable r) {
    ArrayDeque<Runnable> pending = TRAMPOLINE.get();
    if (pending != null) {
      pending.add(r); // inside a running chain on this thread: run it after the current one
      return;
    }
    pending = new ArrayDeque<>();
    TRAMPOLINE.set(pending);
    try {
      for (Runnable next = r; next != null; next = pending.poll()) {
        next.run();
      }
    } finally {
      TRAMPOLINE.remove();
    }
  }
}
