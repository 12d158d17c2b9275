package dev.reel.cli;

import dev.reel.highlights.HighlightsRequest;
import dev.reel.highlights.LoudnessMeasure;
import dev.reel.media.ClipCutter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What highlights reads, how it finds the moments and how it cuts them: the options {@code reel
 * highlights} and {@code reel spark highlights} share.
 */
public final class HighlightsOptions {
  private static final Set<String> MEDIA =
      Set.of(
          "mp4", "mkv", "mov", "m4v", "webm", "avi", "ts", "flv", "m4a", "mp3", "wav", "flac",
          "ogg", "opus", "aac", "mka", "mpg", "wmv");

  @Parameters(
      arity = "1..*",
      paramLabel = "INPUT",
      description = "Files, folders or globs (\"vods/*.mkv\").")
  List<String> inputs;

  @Option(names = "--out", paramLabel = "DIR", description = "Where clips and indexes go.")
  Path out;

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

  @Mixin WorkerOptions workers = new WorkerOptions();

  /** Whether --top asked for the best highlights of the whole batch. */
  public boolean acrossTheBatch() {
    return top > 0;
  }

  /**
   * The request these options describe.
   *
   * @param levels whether only the levels are printed (no --out, no clips)
   * @param warnings receives one line per input that could not be read while expanding
   * @throws IllegalArgumentException for a bad option or no media file (a usage error)
   */
  public HighlightsRequest request(boolean levels, Consumer<String> warnings) throws IOException {
    return request(levels, warnings, Runtime.getRuntime().availableProcessors());
  }

  /**
   * The request for {@code cores} cores: files at once (--workers, default up to the cores) and
   * ranges of one file at once (the cores left per file).
   */
  public HighlightsRequest request(boolean levels, Consumer<String> warnings, int cores)
      throws IOException {
    List<Path> files = expand(inputs, warnings);
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
  static List<Path> expand(List<String> args, Consumer<String> warnings) {
    List<Path> files =
        dev.reel.walk.InputPaths.expand(
            args, dev.reel.walk.FolderWalker.extensions(MEDIA), warnings);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no media file in " + String.join(", ", args));
    }
    return files;
  }
}
