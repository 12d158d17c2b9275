package dev.reel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reel.highlights.FileHighlights;
import dev.reel.highlights.FileOutcome;
import dev.reel.highlights.HighlightsJob;
import dev.reel.highlights.HighlightsRequest;
import dev.reel.highlights.LoudnessAnalyzer;
import dev.reel.highlights.LoudnessMeasure;
import dev.reel.media.ClipCutter;
import dev.reel.media.ffmpeg.FfmpegAudioDecoder;
import dev.reel.media.ffmpeg.FfmpegClipCutter;
import dev.reel.media.ffmpeg.FfmpegLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
  private static final Set<String> MEDIA =
      Set.of(
          "mp4", "mkv", "mov", "m4v", "webm", "avi", "ts", "flv", "m4a", "mp3", "wav", "flac",
          "ogg", "opus", "aac", "mka", "mpg", "wmv");
  private final StdStreams streams;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "INPUT",
      description = "Files, folders or globs (\"vods/*.mkv\").")
  List<String> inputs;

  @Option(names = "--out", paramLabel = "DIR", description = "Where clips and indexes go.")
  Path out;

  @Option(
      names = "--levels",
      description = "Only print each file's levels and suggested thresholds.")
  boolean levels;

  @Option(names = "--no-clips", description = "Write the index and the pictures, cut no clips.")
  boolean noClips;

  @Option(
      names = {"-t", "--threshold"},
      defaultValue = "auto",
      paramLabel = "DB|auto",
      description = "auto, or an absolute level in dBFS such as -8.0. Default: ${DEFAULT-VALUE}.")
  String threshold;

  @Option(
      names = "--measure",
      defaultValue = "rms",
      paramLabel = "WHAT",
      description =
          "rms (dBFS, the seed's) or lufs (EBU R128 momentary, K-weighted). Default: ${DEFAULT-VALUE}.")
  String measure;

  @Option(
      names = "--window",
      defaultValue = "30ms",
      converter = Converters.DurationValue.class,
      paramLabel = "DURATION",
      description = "Loudness window. Default: ${DEFAULT-VALUE}.")
  Duration window;

  @Option(
      names = "--sustain",
      defaultValue = "3/5",
      paramLabel = "K/N",
      description = "Sustained: K of the last N windows above. Default: ${DEFAULT-VALUE}.")
  String sustain;

  @Option(
      names = "--spike",
      defaultValue = "3",
      paramLabel = "DB",
      description = "Spike: this far over the threshold. Default: ${DEFAULT-VALUE}.")
  double spike;

  @Option(
      names = "--jump",
      defaultValue = "6",
      paramLabel = "DB",
      description = "Jump: this far over the rolling average. Default: ${DEFAULT-VALUE}.")
  double jump;

  @Option(
      names = "--rolling",
      defaultValue = "3s",
      converter = Converters.DurationValue.class,
      paramLabel = "DURATION",
      description = "The rolling average's span. Default: ${DEFAULT-VALUE}.")
  Duration rolling;

  @Option(
      names = "--min-gap",
      defaultValue = "2s",
      converter = Converters.DurationValue.class,
      paramLabel = "DURATION",
      description = "Closer detections merge. Default: ${DEFAULT-VALUE}.")
  Duration minGap;

  @Option(
      names = "--clip-length",
      defaultValue = "30s",
      converter = Converters.DurationValue.class,
      paramLabel = "DURATION",
      description = "Each clip's length. Default: ${DEFAULT-VALUE}.")
  Duration clipLength;

  @Option(
      names = "--pre",
      converter = Converters.DurationValue.class,
      paramLabel = "DURATION",
      description = "How much of a clip comes before the peak. Default: half the clip.")
  Duration pre;

  @Option(
      names = "--post",
      converter = Converters.DurationValue.class,
      paramLabel = "DURATION",
      description =
          "How much of a clip comes after the peak (with --pre: the clip is pre + post long).")
  Duration post;

  @Option(
      names = "--max-clips",
      defaultValue = "0",
      paramLabel = "N",
      description = "Keep the N best highlights of each file (0: all).")
  int maxClips;

  @Option(
      names = "--top",
      defaultValue = "0",
      paramLabel = "N",
      description = "Keep the N best highlights of the whole batch (0: no limit).")
  int top;

  @Option(
      names = "--cut",
      defaultValue = "copy",
      paramLabel = "HOW",
      description =
          "copy: stream copy from the keyframe at or before the start; encode: frame-accurate, H.264 and"
              + " AAC. Default: ${DEFAULT-VALUE}.")
  String cut;

  @Option(
      names = "--cut-workers",
      defaultValue = "2",
      paramLabel = "N",
      description = "Clips cut at once.")
  int cutWorkers;

  @Option(
      names = "--cut-timeout",
      defaultValue = "60s",
      converter = Converters.DurationValue.class,
      paramLabel = "DURATION",
      description = "Time limit of one cut. Default: ${DEFAULT-VALUE}.")
  Duration cutTimeout;

  @Option(names = "--overwrite", description = "Replace clips that exist in --out.")
  boolean overwrite;

  @Option(names = "--json", description = "One JSON object per file and line (its index).")
  boolean json;

  @Mixin WorkerOptions workers = new WorkerOptions();
  @Mixin ProgressOptions output = new ProgressOptions();

  HighlightsCommand(StdStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws Exception {
    HighlightsRequest request = JobRunner.request(spec, this::request);
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
    ObjectMapper m = new ObjectMapper();
    for (FileOutcome f : results) {
      if (json) {
        ObjectNode n = m.createObjectNode();
        n.put("file", f.file().toString());
        switch (f) {
          case FileOutcome.Done d -> {
            n.put("status", "ok");
            n.put("folder", d.result().folder().toString());
            n.put("duration_seconds", d.result().durationSeconds());
            n.put("highlights", d.result().highlights().size());
            n.put("clips", d.result().highlights().stream().filter(h -> h.clip() != null).count());
          }
          case FileOutcome.NoAudio x -> n.put("status", "failed").put("error", "no audio stream");
          case FileOutcome.Failed x -> n.put("status", "failed").put("error", x.error());
        }
        streams.out().println(n);
      } else {
        String status =
            switch (f) {
              case FileOutcome.Done d -> {
                FileHighlights h = d.result();
                long clips = h.highlights().stream().filter(x -> x.clip() != null).count();
                yield String.format(
                    Locale.ROOT,
                    "%8s  %3d highlights  %3d clips  ok",
                    clock(h.durationSeconds()),
                    h.highlights().size(),
                    clips);
              }
              case FileOutcome.NoAudio x -> "failed: no audio stream";
              case FileOutcome.Failed x -> "failed: " + x.error();
            };
        streams.out().println(f.file() + "  " + status);
      }
    }
  }

  private static String clock(double s) {
    long t = Math.round(s);
    return String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60);
  }

  private HighlightsRequest request() throws IOException {
    List<Path> files = expand(inputs);
    if (!levels) {
      if (out == null) {
        throw new IllegalArgumentException("give the folder for clips and indexes: --out DIR");
      }
      if (Files.exists(out) && !Files.isDirectory(out)) {
        throw new IllegalArgumentException("--out " + out + " is a file, not a folder");
      }
    }
    Double t = null;
    if (!threshold.equalsIgnoreCase("auto")) {
      try {
        t = Double.parseDouble(threshold.replace("dB", "").replace("db", "").strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--threshold must be auto or a level in dBFS such as -8.0, not '" + threshold + "'");
      }
      if (t > 0) {
        throw new IllegalArgumentException(
            "--threshold "
                + threshold
                + " is above full scale (0 dBFS): levels are never above it");
      }
    }
    String[] kn = sustain.split("/");
    int k;
    int n;
    try {
      k = Integer.parseInt(kn[0].strip());
      n = kn.length > 1 ? Integer.parseInt(kn[1].strip()) : k;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--sustain must be K/N such as 3/5, not '" + sustain + "'");
    }
    ClipCutter.Mode mode =
        switch (cut) {
          case "copy" -> ClipCutter.Mode.COPY;
          case "encode" -> ClipCutter.Mode.ENCODE;
          default ->
              throw new IllegalArgumentException("--cut must be copy or encode, not '" + cut + "'");
        };
    Duration length = clipLength;
    Duration before = pre;
    if (post != null && pre != null) {
      length = pre.plus(post);
    } else if (post != null) {
      if (post.compareTo(clipLength) > 0) {
        throw new IllegalArgumentException("--post must not be longer than --clip-length");
      }
      before = clipLength.minus(post);
    }
    HighlightsRequest.Clips clips =
        noClips || levels
            ? null
            : new HighlightsRequest.Clips(
                length,
                before == null ? length.dividedBy(2) : before,
                mode,
                cutWorkers,
                cutTimeout,
                overwrite);
    int cores = Runtime.getRuntime().availableProcessors();
    int w = workers.workers(Math.max(1, Math.min(files.size(), cores)));
    return new HighlightsRequest(
        files,
        out == null ? Path.of(".") : out,
        window,
        switch (measure.toLowerCase(Locale.ROOT)) {
          case "rms" -> LoudnessMeasure.RMS;
          case "lufs" -> LoudnessMeasure.LUFS;
          default ->
              throw new IllegalArgumentException(
                  "--measure must be rms or lufs, not '" + measure + "'");
        },
        t,
        new HighlightsRequest.Rules(k, n, spike, jump, rolling, minGap),
        clips,
        maxClips,
        top,
        w,
        Math.max(1, cores / w));
  }

  /** Files, folders (walked for media files) and globs, in the order given. */
  List<Path> expand(List<String> args) {
    List<Path> files =
        dev.reel.walk.InputPaths.expand(
            args,
            dev.reel.walk.FolderWalker.extensions(MEDIA),
            w -> streams.err().println("reel highlights: " + w));
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no media file in " + String.join(", ", args));
    }
    return files;
  }
}
