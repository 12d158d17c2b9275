package dev.reel.cli;

import dev.reel.concurrent.StopToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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

  /** Lines go over in chunks: one hand-over per line costs more than reading the line. */
  private static final int CHUNK = 256;

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(64);
  private Object next;
  private List<String> chunk = List.of();
  private int at;

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
                  List<String> lines = new ArrayList<>(CHUNK);
                  lines.add(line);
                  // more only while more is there: a pipe's single question goes over at once
                  while (lines.size() < CHUNK && in.ready() && (line = in.readLine()) != null) {
                    lines.add(line);
                  }
                  queue.put(lines);
                  if (line == null) {
                    break;
                  }
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
    return at >= chunk.size() && queue.isEmpty();
  }

  @Override
  public boolean hasNext() {
    while (at >= chunk.size()) {
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
      if (next == END) {
        return false;
      }
      @SuppressWarnings("unchecked")
      List<String> lines = (List<String>) next;
      chunk = lines;
      at = 0;
      next = null;
    }
    return true;
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return chunk.get(at++);
  }
}
