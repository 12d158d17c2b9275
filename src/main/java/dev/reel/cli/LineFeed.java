package dev.reel.cli;

import dev.reel.concurrent.StopToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The lines of a reader as an iterator that a stop can end: a daemon thread reads ahead into a
 * bounded queue, so a job waiting on stdin (a pipe that stays open) still stops at Ctrl-C, where a
 * blocked {@code readLine} could not be woken.
 */
final class LineFeed implements Iterator<String> {
  private static final Object END = new Object();
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4_096);
  private Object next;

  LineFeed(BufferedReader in, StopToken stop) {
    stop.onStop(
        () -> {
          queue.clear();
          queue.offer(END);
        });
    Thread.ofPlatform()
        .daemon()
        .name("reel-line-feed")
        .start(
            () -> {
              try {
                String line;
                while (!stop.isStopped() && (line = in.readLine()) != null) {
                  queue.put(line);
                }
                queue.put(END);
              } catch (IOException e) {
                queue.offer(new UncheckedIOException(e));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
  }

  /** Whether no line is waiting: the reader has caught up with its input. */
  boolean idle() {
    return queue.isEmpty();
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        next = END;
      }
    }
    if (next instanceof UncheckedIOException e) {
      throw e;
    }
    return next != END;
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    String line = (String) next;
    next = null;
    return line;
  }
}
