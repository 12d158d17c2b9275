package dev.reel.cli;

import dev.reel.media.DurationText;
import dev.reel.media.ProbeDepth;
import dev.reel.media.ffmpeg.FfmpegLibrary;
import dev.reel.media.ffmpeg.FfmpegMediaProbe;
import dev.reel.probe.ProbeJob;
import dev.reel.probe.ProbeJsonWriter;
import dev.reel.probe.ProbeRequest;
import dev.reel.probe.ProbeResultWriter;
import dev.reel.probe.ProbeSummary;
import dev.reel.probe.ProbeTableWriter;
import dev.reel.progress.ProgressListener;
import dev.reel.progress.ProgressMode;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reel probe PATH...}: read every video file's technical metadata. */
@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    description = {
      "Read the technical metadata of every video file below PATHs (in-process FFmpeg).",
      "Prints a table, or one JSON object per line with --json; a summary goes to stderr.",
      "Exit code: 0 all files fine, 1 some failed, 2 usage error, 3 reel failed."
    })
final class ProbeCommand implements Callable<Integer> {
  private final StdStreams streams;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files and folders to probe.")
  List<Path> paths;

  @Option(names = "--json", description = "One JSON object per file and line.")
  boolean json;

  @Option(
      names = "--deep",
      description = "Also decode the first video and audio frame to prove the file plays.")
  boolean deep;

  @Option(
      names = "--timeout",
      defaultValue = "30s",
      paramLabel = "DURATION",
      description = "Per-file time limit (500ms, 30s, 2m). Default: ${DEFAULT-VALUE}.")
  String timeout;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Files probed at once. Default: the number of cores.")
  Integer workers;

  @Option(
      names = "--ext",
      split = ",",
      paramLabel = "EXT",
      description = "Extensions kept when walking folders. Default: mkv,mp4,m4v,avi,mov,...")
  List<String> extensions;

  @Option(names = "--hidden", description = "Also walk hidden files and folders.")
  boolean hidden;

  @Option(
      names = "--progress",
      defaultValue = "auto",
      paramLabel = "MODE",
      description = "auto (bar on a terminal, lines otherwise), bar, plain, json or none.")
  String progress;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress and no summary.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "Let FFmpeg print its own errors; stack traces on failure.")
  boolean verbose;

  ProbeCommand(StdStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    ProbeRequest request = request();
    for (Path p : request.paths()) {
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "no such file or folder: " + p);
      }
    }
    FfmpegLibrary.logErrors(verbose);
    ProgressMode mode = quiet ? ProgressMode.NONE : progressMode();
    ProgressListener listener =
        mode.listener("probe", "files", streams.err(), streams.errIsTerminal(), System::nanoTime);
    ProbeJob job =
        new ProbeJob(
            new FfmpegMediaProbe(),
            listener,
            w -> streams.err().println("reel probe: " + w),
            System::nanoTime);
    ProbeSummary summary;
    try (ProbeResultWriter writer =
        json
            ? new ProbeJsonWriter(streams.out())
            : new ProbeTableWriter(streams.out(), streams.outIsTerminal())) {
      summary = job.run(request, writer);
    }
    if (!quiet) {
      streams.err().println(summary.line());
    }
    return summary.failed() > 0 ? 1 : 0;
  }

  private ProbeRequest request() {
    Duration limit;
    try {
      limit = DurationText.parse(timeout);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--timeout: " + e.getMessage());
    }
    int n = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
    if (n < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--workers (" + n + ") must be at least 1");
    }
    return new ProbeRequest(
        paths,
        extensions == null ? ProbeRequest.VIDEO_EXTENSIONS : new HashSet<>(extensions),
        hidden,
        deep ? ProbeDepth.DEEP : ProbeDepth.HEADER,
        limit,
        n);
  }

  private ProgressMode progressMode() {
    try {
      return ProgressMode.valueOf(progress.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--progress must be auto, bar, plain, json or none, not '" + progress + "'");
    }
  }
}
