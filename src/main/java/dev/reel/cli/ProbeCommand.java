package dev.reel.cli;

import dev.reel.media.ProbeDepth;
import dev.reel.media.ffmpeg.FfmpegLibrary;
import dev.reel.media.ffmpeg.FfmpegMediaProbe;
import dev.reel.probe.ProbeCache;
import dev.reel.probe.ProbeJob;
import dev.reel.probe.ProbeJsonWriter;
import dev.reel.probe.ProbeRequest;
import dev.reel.probe.ProbeResultWriter;
import dev.reel.probe.ProbeTableWriter;
import dev.reel.probe.StoredProbeCache;
import dev.reel.store.Store;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reel probe PATH...}: read every video file's technical metadata. */
@Command(
    name = "probe",
    header = "Read the technical metadata of every video file (in-process FFmpeg).",
    mixinStandardHelpOptions = true,
    description = {
      "Read the technical metadata of every video file below the given paths (in-process FFmpeg).",
      "Prints a table, or one JSON object per line with --json; a summary goes to stderr.",
      "Unchanged files are answered from the cache (see 'reel cache').",
      "Exit code: 0 all files fine, 1 some failed, 2 usage error, 3 reel failed, 130 stopped."
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
      converter = Converters.DurationValue.class,
      description = "Per-file time limit (500ms, 30s, 2m). Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Option(
      names = "--ext",
      split = ",",
      paramLabel = "EXT",
      description = "Extensions kept when walking folders. Default: mkv,mp4,m4v,avi,mov,vob,...")
  List<String> extensions;

  @Option(names = "--hidden", description = "Also walk hidden files and folders.")
  boolean hidden;

  @Mixin WorkerOptions workers = new WorkerOptions();
  @Mixin CacheOptions cache = new CacheOptions();
  @Mixin ProgressOptions output = new ProgressOptions();

  ProbeCommand(StdStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws Exception {
    ProbeRequest request = JobRunner.request(spec, this::request);
    FfmpegLibrary.logErrors(output.verbose);
    Consumer<String> warnings = w -> streams.err().println("reel probe: " + w);
    Optional<Store> store = cache.open(warnings);
    try {
      ProbeCache probeCache =
          store.<ProbeCache>map(s -> new StoredProbeCache(s, warnings)).orElse(ProbeCache.NONE);
      ProbeJob job = new ProbeJob(new FfmpegMediaProbe(), probeCache, warnings);
      return new JobRunner(streams, output)
          .run(
              "probe",
              "files",
              "stopping: no new files; running probes get "
                  + ProbeJob.STOP_GRACE.toSeconds()
                  + "s, then the results so far and the summary are written",
              ProbeJob.STOP_GRACE.plusSeconds(10),
              (stop, progress) -> {
                try (ProbeResultWriter writer =
                    json
                        ? new ProbeJsonWriter(streams.out())
                        : new ProbeTableWriter(streams.out(), streams.outIsTerminal())) {
                  return job.run(request, writer, stop, progress);
                }
              });
    } finally {
      store.ifPresent(Store::close);
    }
  }

  private ProbeRequest request() {
    for (Path p : paths) {
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        throw new IllegalArgumentException("no such file or folder: " + p);
      }
    }
    return new ProbeRequest(
        paths,
        extensions == null ? ProbeRequest.VIDEO_EXTENSIONS : new HashSet<>(extensions),
        hidden,
        deep ? ProbeDepth.DEEP : ProbeDepth.HEADER,
        timeout,
        workers.workers(Runtime.getRuntime().availableProcessors()));
  }
}
