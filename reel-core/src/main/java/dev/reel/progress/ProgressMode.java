package dev.reel.progress;

import java.io.PrintStream;

/** How progress is shown. */
public enum ProgressMode {
  /** A bar when stderr is a terminal, plain lines otherwise. */
  AUTO,
  BAR,
  /** A plain line every two seconds, for logs and pipes. */
  PLAIN,
  /** JSON lines for other programs: start, progress (every second), phase, end. */
  JSON,
  NONE;

  ProgressDisplay display(PrintStream err, boolean stderrIsTerminal) {
    return switch (this) {
      case NONE -> ProgressDisplay.NONE;
      case BAR -> new TerminalProgressBar(err);
      case PLAIN -> new PlainProgressLines(err);
      case JSON -> new JsonProgressEvents(err);
      case AUTO -> stderrIsTerminal ? new TerminalProgressBar(err) : new PlainProgressLines(err);
    };
  }
}
