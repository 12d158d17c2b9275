package dev.reel.cli;

import picocli.CommandLine.Option;

/** {@code --workers N}: how many items a job works on at once. */
public final class WorkerOptions {
  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Items worked on at once. Default: the number of cores.")
  Integer workers;

  /** The number asked for, or {@code fallback}; a usage error below 1. */
  int workers(int fallback) {
    int n = workers == null ? fallback : workers;
    if (n < 1) {
      throw new IllegalArgumentException("--workers (" + n + ") must be at least 1");
    }
    return n;
  }
}
