package dev.reel.progress;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on a terminal (count, rate, ETA), drawn by the progressbar library. */
final class TerminalProgressBar implements ProgressListener {
  private final String task;
  private final String unit;
  private final PrintStream err;
  private volatile ProgressBar bar;

  TerminalProgressBar(String task, String unit, PrintStream err) {
    this.task = task;
    this.unit = unit;
    this.err = err;
  }

  @Override
  public void start(long total) {
    bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
            .setConsumer(new ConsoleProgressBarConsumer(err))
            .setUnit(" " + unit, 1)
            .showSpeed()
            .setUpdateIntervalMillis(200)
            .continuousUpdate()
            .build();
  }

  @Override
  public void advance(long done, long failed) {
    ProgressBar b = bar;
    if (b != null) {
      b.stepTo(done);
      if (failed > 0) {
        b.setExtraMessage(failed + " failed");
      }
    }
  }

  @Override
  public void close() {
    ProgressBar b = bar;
    if (b != null) {
      b.close();
      bar = null;
    }
  }
}
