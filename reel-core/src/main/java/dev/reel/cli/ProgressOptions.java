package dev.reel.cli;

import dev.reel.progress.ProgressMode;
import picocli.CommandLine.Option;

/** The options every job shares for what it prints on stderr. */
public final class ProgressOptions {
  @Option(
      names = "--progress",
      paramLabel = "MODE",
      description =
          "auto (a bar on a terminal, plain lines otherwise), bar, plain, json or none."
              + " Default: auto.")
  ProgressMode progress = ProgressMode.AUTO;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress and no summary.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "More detail on errors: stack traces, and FFmpeg's own messages.")
  boolean verbose;

  /** Whether -v asked for details. */
  public boolean verbose() {
    return verbose;
  }

  public ProgressMode mode() {
    return quiet ? ProgressMode.NONE : progress;
  }
}
