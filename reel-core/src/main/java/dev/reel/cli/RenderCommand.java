package dev.reel.cli;

import dev.reel.concurrent.StopToken;
import dev.reel.media.ffmpeg.FfmpegClipCutter;
import dev.reel.media.ffmpeg.FfmpegMediaProbe;
import dev.reel.media.ffmpeg.FfmpegSegmentJoiner;
import dev.reel.render.EditListReader;
import dev.reel.render.RenderJob;
import dev.reel.render.RenderRequest;
import dev.reel.render.TimelineClip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reel render EDIT_LIST --out FILE}: turn an edit list into one video. */
@Command(
    name = "render",
    header = "Turn an edit list (JSON, CSV, EDL, OTIO) into one video.",
    mixinStandardHelpOptions = true,
    description = {
      "Reads the edit list, probes each distinct source once, and renders the clips in order.",
      "--mode copy: no re-encode; each clip starts on the keyframe at or before its start (the",
      "lines say by how much); all sources must share their streams' formats (the message lists",
      "the clips that differ). --mode encode (the default): frame-accurate; every segment is",
      "normalised to one size (--size, or the most common; letterboxed), one frame rate (--fps, or",
      "the most common) and 48 kHz stereo (silence where a source has none), H.264 + AAC, segments",
      "encoded in parallel (--workers) and joined by stream copy.",
      "Exit code: 0 rendered (clips of missing sources skipped, with a line each), 1 some clips",
      "could not be cut, 2 usage error, 3 nothing rendered, 130 stopped."
    })
final class RenderCommand implements Callable<Integer> {
  private final StdStreams streams;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "EDIT_LIST", description = "A .json, .csv, .edl or .otio edit list.")
  Path editList;

  @Option(names = "--out", paramLabel = "FILE", description = "The video to write.")
  Path out;

  @Option(
      names = "--mode",
      defaultValue = "encode",
      paramLabel = "MODE",
      description = "encode (frame-accurate, one format) or copy. Default: ${DEFAULT-VALUE}.")
  String mode;

  @Option(
      names = "--size",
      paramLabel = "WxH",
      description =
          "Output size (encode). Default: the most common source size; others letterboxed.")
  String size;

  @Option(names = "--dry-run", description = "Print the timeline it would render; write nothing.")
  boolean dryRun;

  @Option(names = "--overwrite", description = "Replace the output if it exists.")
  boolean overwrite;

  @Option(
      names = "--fps",
      paramLabel = "FPS",
      description =
          "Output frame rate (encode; default: the most common source rate), and the rate of EDL"
              + " timecode and frame counts (250f; default 25).")
  Double fps;

  @Option(
      names = "--codec",
      defaultValue = "h264",
      paramLabel = "CODEC",
      description =
          "h264 (x264 in the GPL build, OpenH264 otherwise) or h265 (GPL build). Default:"
              + " ${DEFAULT-VALUE}.")
  String codec;

  @Option(
      names = "--crf",
      paramLabel = "N",
      description = "x264/x265 quality, 0-51, lower is better (GPL build; default 23).")
  Integer crf;

  @Option(
      names = "--bitrate",
      paramLabel = "RATE",
      converter = Converters.BitRateValue.class,
      description = "Video bit rate (4M, 2500k) instead of --crf.")
  Long bitrate;

  @Option(
      names = "--preset",
      paramLabel = "NAME",
      description = "x264/x265 speed preset: ultrafast ... veryslow (GPL build).")
  String preset;

  @Option(
      names = "--music",
      paramLabel = "FILE",
      description =
          "Music for the whole timeline, in place of the clips' audio (trimmed, or looped when"
              + " shorter).")
  Path music;

  @Option(
      names = "--fade",
      paramLabel = "DURATION",
      converter = Converters.DurationValue.class,
      description = "Fade the music in and out over this long (1s, 500ms). Default: no fade.")
  Duration fade;

  @Option(
      names = "--mix",
      paramLabel = "LEVEL",
      description =
          "Keep the clips' own audio under the music at this level (0..1, 0.3 = about -10 dB).")
  Double mix;

  @Option(
      names = "--crossfade",
      paramLabel = "DURATION",
      converter = Converters.DurationValue.class,
      description =
          "Fade each clip into the next over this long (0.5s), pictures and sound (encode; at"
              + " most a third of either clip).")
  Duration crossfade;

  @Option(
      names = "--title",
      paramLabel = "TEXT",
      description = "A title card over the first seconds of the first clip (encode).")
  String title;

  @Option(
      names = "--title-seconds",
      defaultValue = "3",
      paramLabel = "SECONDS",
      description = "How long the title shows. Default: ${DEFAULT-VALUE}.")
  double titleSeconds;

  @Option(
      names = "--beats",
      paramLabel = "FILE",
      description =
          "Find the beats of this music and move each clip's end onto the nearest one (encode);"
              + " the music plays under the render unless --music names another. With --dry-run:"
              + " print the beats.")
  Path beats;

  @Option(
      names = "--timeout",
      defaultValue = "10m",
      converter = Converters.DurationValue.class,
      paramLabel = "DURATION",
      description = "Time limit of one segment. Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Mixin WorkerOptions workers = new WorkerOptions();
  @Mixin ProgressOptions output = new ProgressOptions();

  RenderCommand(StdStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws Exception {
    RenderRequest request = JobRunner.request(spec, this::request);
    Consumer<String> warnings = w -> streams.err().println("reel render: " + w);
    RenderJob job =
        new RenderJob(
            new RenderJob.Parts(
                new FfmpegMediaProbe(),
                new FfmpegClipCutter(),
                new FfmpegSegmentJoiner(),
                new dev.reel.media.ffmpeg.FfmpegTimelineCopier(),
                new dev.reel.media.ffmpeg.FfmpegSoundtrack(),
                new dev.reel.media.ffmpeg.FfmpegAudioDecoder(),
                new dev.reel.media.ffmpeg.FfmpegSegmentBlender()),
            warnings);
    if (dryRun) {
      return job.preview(request, streams.out()::println, new StopToken());
    }
    return new JobRunner(streams, output)
        .run(
            "render",
            "clips",
            "stopping: running cuts finish, nothing is written to the output",
            Duration.ofSeconds(30),
            (stop, progress) -> job.run(request, streams.out()::println, stop, progress));
  }

  private dev.reel.media.VideoEncoding video(dev.reel.media.ClipCutter.Mode m) {
    boolean set = !codec.equals("h264") || crf != null || bitrate != null || preset != null;
    if (m == dev.reel.media.ClipCutter.Mode.COPY && set) {
      throw new IllegalArgumentException(
          "--codec, --crf, --bitrate and --preset need --mode encode: a copy keeps the sources'"
              + " video");
    }
    return new dev.reel.media.VideoEncoding(
        dev.reel.media.VideoEncoding.codecName(codec), crf, bitrate, preset);
  }

  private RenderRequest request() throws java.io.IOException {
    if (!Files.isRegularFile(editList)) {
      throw new IllegalArgumentException("no such edit list: " + editList);
    }
    dev.reel.media.ClipCutter.Mode m =
        switch (mode) {
          case "copy" -> dev.reel.media.ClipCutter.Mode.COPY;
          case "encode" -> dev.reel.media.ClipCutter.Mode.ENCODE;
          default ->
              throw new IllegalArgumentException(
                  "--mode must be encode or copy, not '" + mode + "'");
        };
    Integer w = null;
    Integer h = null;
    if (size != null) {
      java.util.regex.Matcher sm =
          java.util.regex.Pattern.compile("(\\d+)x(\\d+)").matcher(size.strip());
      if (!sm.matches()) {
        throw new IllegalArgumentException(
            "--size must be WIDTHxHEIGHT such as 1280x720, not '" + size + "'");
      }
      w = Integer.parseInt(sm.group(1));
      h = Integer.parseInt(sm.group(2));
      if (m == dev.reel.media.ClipCutter.Mode.COPY) {
        throw new IllegalArgumentException(
            "--size needs --mode encode: a copy keeps the sources' size");
      }
    }
    if (!dryRun && out == null) {
      throw new IllegalArgumentException("give the video to write: --out FILE");
    }
    if (fps != null && !(fps > 0)) {
      throw new IllegalArgumentException("--fps must be positive");
    }
    if (music == null && (fade != null || mix != null)) {
      throw new IllegalArgumentException("--fade and --mix go with --music FILE");
    }
    if (title != null && m == dev.reel.media.ClipCutter.Mode.COPY) {
      throw new IllegalArgumentException(
          "--title needs --mode encode: a copy cannot draw over pictures");
    }
    if (beats != null && m == dev.reel.media.ClipCutter.Mode.COPY) {
      throw new IllegalArgumentException(
          "--beats needs --mode encode: a copy starts clips on keyframes, off the beats");
    }
    if (beats != null && !Files.isRegularFile(beats)) {
      throw new IllegalArgumentException("no such music file: " + beats);
    }
    if (beats != null && music == null && !dryRun) {
      music = beats;
    }
    if (music != null && !Files.isRegularFile(music)) {
      throw new IllegalArgumentException("no such music file: " + music);
    }
    dev.reel.media.Soundtrack.Music laid =
        music == null
            ? null
            : new dev.reel.media.Soundtrack.Music(
                music, fade == null ? 0 : fade.toMillis() / 1000.0, mix);
    List<TimelineClip> clips = EditListReader.read(editList, fps == null ? 25 : fps);
    return new RenderRequest(
        editList.toString(),
        clips,
        out == null ? Path.of("out.mp4") : out,
        overwrite,
        workers.workers(Runtime.getRuntime().availableProcessors()),
        timeout,
        new RenderRequest.Output(
            m,
            w,
            h,
            m == dev.reel.media.ClipCutter.Mode.COPY ? null : fps,
            video(m),
            crossfade == null ? 0 : crossfade.toMillis() / 1000.0),
        laid,
        beats,
        title == null ? null : new RenderRequest.Title(title, titleSeconds));
  }
}
