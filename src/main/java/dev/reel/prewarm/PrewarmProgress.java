package dev.reel.prewarm;

import dev.reel.progress.ProgressMode;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live progress line of a run: requests done of total (a lower bound while the listing goes
 * on), rate, errors, p95 so far and ETA. On a terminal one line is redrawn each second; otherwise a
 * plain line every 5 seconds, or a JSON event each second (start, progress, end). It draws its own
 * line rather than using a {@code progress} listener, which carries no error count or p95.
 */
public final class PrewarmProgress implements AutoCloseable {
  private enum Style {
    TERMINAL,
    PLAIN,
    JSON,
    NONE
  }

  private final PrewarmJob job;
  private final PrintStream err;
  private final Style style;
  private final ScheduledExecutorService ticker;
  private final long startNanos = System.nanoTime();
  private long lastPlain;
  private boolean drawn;

  /**
   * @param mode how to show it; AUTO draws on a terminal and prints plain lines otherwise
   * @param errIsTerminal whether {@code err} is a terminal
   */
  public PrewarmProgress(
      PrewarmJob job, PrintStream err, ProgressMode mode, boolean errIsTerminal) {
    this.job = job;
    this.err = err;
    this.style =
        switch (mode) {
          case NONE -> Style.NONE;
          case JSON -> Style.JSON;
          case PLAIN -> Style.PLAIN;
          case BAR -> Style.TERMINAL;
          case AUTO -> errIsTerminal ? Style.TERMINAL : Style.PLAIN;
        };
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("prewarm-progress").daemon().unstarted(r));
    if (style == Style.JSON) {
      err.println("{\"event\":\"start\",\"task\":\"prewarm\",\"unit\":\"requests\"}");
    }
    ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
  }

  private synchronized void tick() {
    try {
      long now = System.nanoTime();
      switch (style) {
        case TERMINAL -> {
          err.print("\r" + line(now) + "\u001b[K");
          err.flush();
          drawn = true;
        }
        case PLAIN -> {
          if (now - lastPlain >= 5_000_000_000L) {
            lastPlain = now;
            err.println(line(now));
          }
        }
        case JSON -> err.println(json("progress", now));
        case NONE -> {}
      }
    } catch (RuntimeException e) {
      // progress must never break the run; the results writer reports its own errors at the end
    }
  }

  String line(long now) {
    PrewarmJob.Counters c = job.counters();
    double secs = Math.max(1e-9, (now - startNanos) / 1e9);
    double rate = c.done() / secs;
    StringBuilder b = new StringBuilder("prewarm: ");
    b.append(
        String.format(
            Locale.ROOT, "%,d/%,d%s requests", c.done(), c.total(), c.totalKnown() ? "" : "+"));
    b.append(String.format(Locale.ROOT, ", %,.0f/s", rate));
    b.append(String.format(Locale.ROOT, ", %,d errors", c.failed()));
    b.append(String.format(Locale.ROOT, ", p95 %s", Reports.millis(c.p95Micros())));
    if (c.totalKnown() && rate > 0) {
      long left = (long) ((c.total() - c.done()) / rate);
      b.append(
          String.format(Locale.ROOT, ", ETA %d:%02d:%02d", left / 3600, left / 60 % 60, left % 60));
    }
    if (job.stopped()) {
      b.append(" (stopping)");
    }
    return b.toString();
  }

  private String json(String event, long now) {
    PrewarmJob.Counters c = job.counters();
    return String.format(
        Locale.ROOT,
        "{\"event\":\""
            + event
            + "\",\"task\":\"prewarm\",\"done\":%d,\"total\":%d,\"total_known\":%b,"
            + "\"failed\":%d,\"p95_ms\":%.3f,\"elapsed_s\":%.1f}",
        c.done(),
        c.total(),
        c.totalKnown(),
        c.failed(),
        c.p95Micros() / 1000.0,
        (now - startNanos) / 1e9);
  }

  @Override
  public synchronized void close() {
    ticker.shutdownNow();
    if (style == Style.TERMINAL && drawn) {
      err.print("\r" + line(System.nanoTime()) + "\u001b[K\n");
      err.flush();
    } else if (style == Style.JSON) {
      err.println(json("end", System.nanoTime()));
    }
  }
}
