package dev.reel.cli;

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
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

  @Option(names = "--json", description = "One JSON object per file and line.")
  boolean json;

  @Mixin ProbeOptions probe = new ProbeOptions();
  @Mixin CacheOptions cache = new CacheOptions();
  @Mixin ProgressOptions output = new ProgressOptions();

  ProbeCommand(StdStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws Exception {
    ProbeRequest request = JobRunner.request(spec, probe::request);
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
}
