package dev.reel.progress;

import java.io.PrintStream;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on a terminal (count, rate, ETA), drawn by the progressbar library. */
final class TerminalProgressBar implements ProgressDisplay {
  private final PrintStream err;
  private ProgressBar bar;

  TerminalProgressBar(PrintStream err) {
    this.err = err;
  }

  @Override
  public void start(ProgressSnapshot s) {
    bar =
        new ProgressBarBuilder()
            .setTaskName(s.job())
            .setInitialMax(s.totalKnown() ? s.total() : -1)
            .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
            .setConsumer(new ConsoleProgressBarConsumer(err))
            .setUnit(" " + s.unit(), 1)
            .showSpeed()
            .setUpdateIntervalMillis(200)
            .continuousUpdate()
            .build();
  }

  @Override
  public void update(ProgressSnapshot s) {
    if (s.total() > 0) {
      bar.maxHint(s.total());
    }
    bar.stepTo(s.done());
    StringBuilder extra = new StringBuilder();
    if (s.failed() > 0) {
      extra.append(s.failed()).append(" failed ");
    }
    if (s.skipped() > 0) {
      extra.append(s.skipped()).append(" skipped ");
    }
    for (Map.Entry<String, Object> e : s.extras().entrySet()) {
      extra
          .append(e.getKey().replace('_', ' '))
          .append(' ')
          .append(PlainProgressLines.text(e.getValue()))
          .append(' ');
    }
    if (!s.phase().equals(s.job())) {
      extra.append('[').append(s.phase()).append(']');
    }
    bar.setExtraMessage(extra.toString().strip());
  }

  @Override
  public void phase(ProgressSnapshot s) {}

  @Override
  public void end(ProgressSnapshot s, boolean stopped) {
    update(s);
    bar.close();
  }

  @Override
  public long intervalMillis() {
    return 200;
  }
}
