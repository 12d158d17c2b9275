package dev.reel.progress;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/** How progress is shown. */
public enum ProgressMode {
  /** A bar when stderr is a terminal, plain lines otherwise. */
  AUTO,
  BAR,
  PLAIN,
  /** JSON lines for other programs: start, progress (every second), end. */
  JSON,
  NONE;

  /**
   * The listener for this mode.
   *
   * @param task the name shown in front of the progress, e.g. {@code "probe"}
   * @param unit what is counted, e.g. {@code "files"}
   * @param stderrIsTerminal whether stderr is a terminal (decides AUTO)
   * @param nanoClock the clock for rates and for spacing plain lines
   */
  public ProgressListener listener(
      String task, String unit, PrintStream err, boolean stderrIsTerminal, LongSupplier nanoClock) {
    return switch (this) {
      case NONE -> ProgressListener.NONE;
      case BAR -> new TerminalProgressBar(task, unit, err);
      case PLAIN -> new PlainProgressLines(task, unit, err, nanoClock, 2_000_000_000L);
      case JSON -> new JsonProgressEvents(task, unit, err, nanoClock, 1_000_000_000L);
      case AUTO ->
          stderrIsTerminal
              ? new TerminalProgressBar(task, unit, err)
              : new PlainProgressLines(task, unit, err, nanoClock, 2_000_000_000L);
    };
  }
}
