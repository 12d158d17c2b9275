package dev.reel.cli;

import dev.reel.concurrent.StopOnShutdown;
import dev.reel.concurrent.StopToken;
import dev.reel.job.JobSummary;
import dev.reel.progress.ProgressModel;
import dev.reel.progress.ProgressReporter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import picocli.CommandLine;

/**
 * The one lifecycle every job runs in: the request is built from the options (an {@code
 * IllegalArgumentException} there is a bad option: exit 2), a Ctrl-C hook stops the job's {@link
 * StopToken} and holds the JVM until the job has flushed its outputs, progress is drawn from the
 * job's {@link ProgressModel}, the summary goes to stderr, and the exit code comes from the {@link
 * JobSummary}: 0 all fine, 1 some items failed, 130 stopped. Failures that escape the job are
 * mapped by {@link ReelCommand}'s handler (usage 2, job failure 3).
 */
public final class JobRunner {
  /** The job's body: runs to the end or to the stop, and says how it went. */
  public interface Body {
    JobSummary run(StopToken stop, ProgressModel progress) throws Exception;
  }

  private final StdStreams streams;
  private final ProgressOptions options;

  public JobRunner(StdStreams streams, ProgressOptions options) {
    this.streams = streams;
    this.options = options;
  }

  /** Builds a request from options. */
  public interface RequestBuilder<R> {
    R build() throws java.io.IOException;
  }

  /** Builds a request record from the options; what it rejects is a usage error. */
  public static <R> R request(CommandLine.Model.CommandSpec spec, RequestBuilder<R> build)
      throws java.io.IOException {
    try {
      return build.build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /**
   * Runs a job.
   *
   * @param job the job's name ({@code "probe"})
   * @param unit what it counts ({@code "files"})
   * @param stopMessage printed on stderr when Ctrl-C comes
   * @param maxStopWait how long a Ctrl-C may wait for the job to flush and end
   */
  public int run(String job, String unit, String stopMessage, Duration maxStopWait, Body body)
      throws Exception {
    StopToken stop = new StopToken();
    ProgressModel progress = new ProgressModel(job, unit, System::nanoTime);
    stop.onStop(
        () -> {
          progress.phase("stopping");
          streams.err().println();
          streams.err().println(job + ": " + stopMessage);
        });
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name(job + "-progress").daemon().unstarted(r));
    try (StopOnShutdown hook = StopOnShutdown.install(stop::stop, maxStopWait, job + "-stop")) {
      ProgressReporter reporter =
          ProgressReporter.start(
              progress, options.mode(), streams.err(), streams.errIsTerminal(), ticker);
      JobSummary summary;
      try {
        summary = body.run(stop, progress);
      } finally {
        ticker.shutdownNow();
        reporter.end(stop.isStopped());
        awaitQuietly(ticker);
      }
      streams.out().flush();
      if (!options.quiet) {
        streams.err().println(summary.line());
      }
      return summary.exitCode();
    }
  }

  private static void awaitQuietly(ScheduledExecutorService ticker) {
    try {
      ticker.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
