package dev.reel.cli;

import dev.reel.highlights.FileOutcome;
import dev.reel.highlights.HighlightsJob;
import dev.reel.highlights.HighlightsRequest;
import dev.reel.highlights.LoudnessAnalyzer;
import dev.reel.highlights.ResultLines;
import dev.reel.media.ffmpeg.FfmpegAudioDecoder;
import dev.reel.media.ffmpeg.FfmpegClipCutter;
import dev.reel.media.ffmpeg.FfmpegLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reel highlights INPUT... --out DIR}: find the loud moments and cut them as clips. */
@Command(
    name = "highlights",
    header = "Find the loud moments of long recordings and cut them as clips.",
    mixinStandardHelpOptions = true,
    description = {
      "Decodes the audio in-process, block by block, measures its loudness in short windows (RMS",
      "dBFS) and marks the moments above a threshold: sustained (k of the last n windows above),",
      "a spike (+3 dB over the threshold) or a jump (+6 dB over the rolling average).",
      "--threshold auto (the default) is the recording's median window level plus three times its",
      "spread (interquartile range / 1.35), at least 6 dB over the median, at most 1 dB under its",
      "loudest window; a number is an absolute dBFS level. --levels shows a file's levels and",
      "three suggested thresholds. Writes, per file, clips (stream copy from the keyframe at or",
      "before each clip's start), index.json, highlights.csv, highlights.otio, highlights.edl,",
      "loudness.svg/.png and index.html to review them.",
      "Exit code: 0 all files fine, 1 some failed, 2 usage error, 3 reel failed, 130 stopped."
    })
final class HighlightsCommand implements Callable<Integer> {
  private final StdStreams streams;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--levels",
      description = "Only print each file's levels and suggested thresholds.")
  boolean levels;

  @Mixin HighlightsOptions options = new HighlightsOptions();

  @Option(names = "--json", description = "One JSON object per file and line (its index).")
  boolean json;

  @Mixin ProgressOptions output = new ProgressOptions();

  HighlightsCommand(StdStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws Exception {
    HighlightsRequest request =
        JobRunner.request(
            spec,
            () -> options.request(levels, w -> streams.err().println("reel highlights: " + w)));
    FfmpegLibrary.logErrors(output.verbose);
    Consumer<String> warnings = w -> streams.err().println("reel highlights: " + w);
    ExecutorService ranges =
        Executors.newFixedThreadPool(
            request.workers() * request.parts(),
            r -> Thread.ofPlatform().name("reel-decode").daemon().unstarted(r));
    try {
      LoudnessAnalyzer analyzer =
          new LoudnessAnalyzer(new FfmpegAudioDecoder(), ranges, request.parts());
      if (levels) {
        return dev.reel.highlights.LevelsReport.print(
            request, analyzer, json, streams.out(), streams.err());
      }
      HighlightsJob job = new HighlightsJob(analyzer, new FfmpegClipCutter(), warnings);
      List<FileOutcome> results = new ArrayList<>();
      int code =
          new JobRunner(streams, output)
              .run(
                  "highlights",
                  "files",
                  "stopping: running work gets "
                      + HighlightsJob.STOP_GRACE.toSeconds()
                      + "s, then the outputs so far are written",
                  HighlightsJob.STOP_GRACE.plusSeconds(20),
                  (stop, progress) -> {
                    var summary = job.run(request, results::add, stop, progress);
                    printTable(results);
                    return summary;
                  });
      return code;
    } finally {
      ranges.shutdownNow();
    }
  }

  private void printTable(List<FileOutcome> results) {
    for (FileOutcome f : results) {
      streams.out().println(json ? ResultLines.json(f) : ResultLines.table(f));
    }
  }
}
