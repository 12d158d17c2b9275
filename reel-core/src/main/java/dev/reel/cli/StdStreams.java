package dev.reel.cli;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Where a command writes: results to {@code out}, progress and messages to {@code err}, and whether
 * each is a terminal (the {@code reel} launcher tells, since Java cannot ask).
 */
public record StdStreams(
    PrintStream out, PrintStream err, boolean outIsTerminal, boolean errIsTerminal) {

  public StdStreams {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
  }

  /** The process's streams; terminal flags from the launcher's system properties. */
  public static StdStreams system() {
    boolean console = System.console() != null;
    return new StdStreams(
        System.out,
        System.err,
        Boolean.parseBoolean(System.getProperty("reel.stdout.tty", String.valueOf(console))),
        Boolean.parseBoolean(System.getProperty("reel.stderr.tty", String.valueOf(console))));
  }
}
