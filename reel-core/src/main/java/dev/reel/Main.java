package dev.reel;

import dev.reel.cli.ReelCommand;
import dev.reel.cli.StdStreams;

/** The {@code reel} command: runs the command line and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(ReelCommand.run(args, StdStreams.system()));
  }
}
