package dev.reel.render;

import dev.reel.concurrent.StopToken;
import dev.reel.job.InvalidRequestException;
import dev.reel.job.JobFailedException;
import dev.reel.job.JobSummary;
import dev.reel.media.ClipCutter;
import dev.reel.media.MediaInfo;
import dev.reel.media.MediaProbe;
import dev.reel.media.SegmentJoiner;
import dev.reel.media.Soundtrack;
import dev.reel.media.TimelineCopier;
import dev.reel.progress.ProgressModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Renders a timeline: every distinct source is probed once (in parallel), clips of missing or
 * unreadable sources are skipped, times beyond a source are clamped. Copy mode checks that the
 * sources share their streams' formats and copies every clip, from the keyframe at or before its
 * start, straight into the output in one pass; encode mode encodes the clips as segments of one
 * format in parallel and joins them in timeline order. Either writes a temporary file renamed to
 * the output at the end: a failed render leaves nothing at the output path.
 */
public final class RenderJob {
  private final MediaProbe probe;
  private final ClipCutter cutter;
  private final SegmentJoiner joiner;
  private final TimelineCopier copier;
  private final Soundtrack soundtrack;
  private final dev.reel.media.AudioDecoder audio;
  private final dev.reel.media.SegmentBlender blender;
  private final Consumer<String> warnings;

  /** The media layer's parts a render uses. */
  public record Parts(
      MediaProbe probe,
      ClipCutter cutter,
      SegmentJoiner joiner,
      TimelineCopier copier,
      Soundtrack soundtrack,
      dev.reel.media.AudioDecoder audio,
      dev.reel.media.SegmentBlender blender) {}

  public RenderJob(Parts parts, Consumer<String> warnings) {
    this.probe = parts.probe();
    this.cutter = parts.cutter();
    this.joiner = parts.joiner();
    this.copier = parts.copier();
    this.soundtrack = parts.soundtrack();
    this.audio = parts.audio();
    this.blender = parts.blender();
    this.warnings = warnings;
  }

  /** A clip the render can use: its source's facts and the range it really takes. */
  public record Usable(int number, TimelineClip clip, MediaInfo source, double start, double end) {}

  /** Probes each distinct source once; returns the usable clips, warning about the others. */
  public List<Usable> usable(RenderRequest r, StopToken stop) {
    return new ClipSources(probe, warnings).usable(r, stop);
  }

  /**
   * The dry run: prints the beats (with {@code --beats}) and the timeline it would render, and
   * writes nothing.
   *
   * @return 0 when every clip is usable, 1 when some are skipped
   */
  public int preview(RenderRequest r, Consumer<String> lines, StopToken stop) {
    List<Usable> clips = usable(r, stop);
    if (r.beats() != null) {
      BeatTracker.Beats found = beats(r, stop);
      StringBuilder times = new StringBuilder();
      for (double t : found.seconds()) {
        times.append(times.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.3f", t));
      }
      lines.accept(
          String.format(
              Locale.ROOT,
              "beats: %d at %.1f bpm in %s",
              found.seconds().size(),
              found.bpm(),
              r.beats()));
      lines.accept(times.isEmpty() ? "(no beat: a steady sound, or no pulse)" : times.toString());
      clips = onBeats(clips, found, r.output());
    }
    double total = 0;
    for (Usable u : clips) {
      lines.accept(
          String.format(
              Locale.ROOT,
              "clip %d  %s  %.3f-%.3f  (%.3fs)",
              u.number(),
              u.clip().source(),
              u.start(),
              u.end(),
              u.end() - u.start()));
      total += u.end() - u.start();
    }
    lines.accept(
        String.format(
            Locale.ROOT, "timeline: %d of %d clips, %.3fs", clips.size(), r.clips().size(), total));
    return clips.size() == r.clips().size() ? 0 : 1;
  }

  /** The beats of the request's {@code --beats} music. */
  public BeatTracker.Beats beats(RenderRequest r, StopToken stop) {
    BeatTracker tracker = new BeatTracker(22_050);
    dev.reel.media.AudioDecoder.Result result =
        audio.decode(
            r.beats(), 0, null, 22_050, (first, x, n) -> tracker.add(x, n), stop::isStopped);
    if (result instanceof dev.reel.media.AudioDecoder.Result.NoAudio) {
      throw new InvalidRequestException(r.beats() + " has no audio to find beats in");
    }
    if (result instanceof dev.reel.media.AudioDecoder.Result.Failed f && f.samples() == 0) {
      throw new InvalidRequestException("cannot find beats in " + r.beats() + ": " + f.error());
    }
    return tracker.beats();
  }

  /** The clips with their ends moved onto the beats, at the output's frame rate. */
  public static List<Usable> onBeats(
      List<Usable> clips, BeatTracker.Beats beats, RenderRequest.Output output) {
    return BeatSnap.snap(clips, beats, 1 / OutputFormat.of(clips, output).fps());
  }

  /** Renders; per-clip lines (where each clip really starts) go to {@code clipLines}. */
  public JobSummary run(
      RenderRequest r, Consumer<String> clipLines, StopToken stop, ProgressModel progress)
      throws IOException {
    if (Files.exists(r.out()) && !r.overwrite()) {
      throw new InvalidRequestException(r.out() + " exists: give --overwrite to replace it");
    }
    Path folder = r.out().toAbsolutePath().getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      throw new InvalidRequestException("the folder of " + r.out() + " does not exist");
    }
    boolean copy = r.output().mode() == ClipCutter.Mode.COPY;
    String encoder = null;
    if (copy && r.title() != null) {
      throw new InvalidRequestException(
          "--title needs --mode encode: a copy cannot draw over pictures");
    }
    if (copy && r.beats() != null) {
      throw new InvalidRequestException(
          "--beats needs --mode encode: a copy starts clips on keyframes, so its cuts cannot be"
              + " placed on beats");
    }
    if (!copy) {
      try {
        encoder = cutter.videoEncoder(r.output().video());
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(e.getMessage());
      }
    }
    if (r.music() != null) {
      try {
        soundtrack.check(r.music().file());
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(e.getMessage());
      }
    }
    if (r.title() != null) {
      try {
        TitleCard.of(r.title().text(), 64, 36, 1); // fails now, not after the probes
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(e.getMessage());
      }
    }
    progress.beginPhase("probe");
    List<Usable> clips = usable(r, stop);
    if (r.beats() != null) {
      progress.beginPhase("beats");
      BeatTracker.Beats beats = beats(r, stop);
      if (beats.seconds().isEmpty()) {
        warnings.accept("no beat found in " + r.beats() + ": the clips keep their ends");
      }
      List<Usable> moved = onBeats(clips, beats, r.output());
      double most = 0;
      for (int i = 0; i < clips.size(); i++) {
        most = Math.max(most, Math.abs(moved.get(i).end() - clips.get(i).end()));
      }
      clipLines.accept(
          String.format(
              Locale.ROOT,
              "beats: %d at %.1f bpm in %s; clip ends moved by up to %.3fs",
              beats.seconds().size(),
              beats.bpm(),
              r.beats().getFileName(),
              most));
      clips = moved;
    }
    dev.reel.media.SegmentFormat format = null;
    if (copy) {
      ClipSources.checkCopyable(clips);
    } else {
      format = OutputFormat.of(clips, r.output());
      clipLines.accept(
          String.format(
              Locale.ROOT,
              "output: %dx%d at %.3f fps (%s), 48 kHz stereo AAC",
              format.width(),
              format.height(),
              format.fps(),
              encoder));
    }
    dev.reel.media.SegmentFormat fmt = format;
    String name = r.out().getFileName().toString();
    if (copy) {
      return copyInOnePass(
          r, clips, folder.resolve("." + name + ".part"), clipLines, stop, progress);
    }
    Path parts = Files.createTempDirectory(folder, "." + name + ".parts-");
    Path temp = folder.resolve("." + name + ".part");
    try {
      String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "mkv";
      SegmentedEncode.Result encoded =
          new SegmentedEncode(cutter, blender, warnings)
              .encode(r, clips, fmt, parts, ext, clipLines, stop, progress);
      if (encoded == null) {
        dev.reel.progress.ProgressSnapshot at = progress.snapshot();
        return JobSummary.of(progress, at.total() - at.done(), true);
      }
      List<Path> segments = encoded.segments();
      long cores = encoded.cores();
      long[] failed = {encoded.failed()};
      progress.beginPhase("join");
      double seconds;
      try {
        seconds = joiner.join(segments, temp, name);
      } catch (IllegalStateException e) {
        throw new JobFailedException("cannot join the segments: " + e.getMessage(), e);
      }
      return finish(r, temp, seconds, cores, failed[0], clips.size(), clipLines, stop, progress);
    } finally {
      Files.deleteIfExists(temp);
      Files.deleteIfExists(musicTemp(temp));
      try (Stream<Path> s = Files.list(parts)) {
        for (Path p : s.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(parts);
    }
  }

  /**
   * Copy mode: the clips' packets go straight into the output, in timeline order (copying is
   * limited by the disk, so one pass on one thread beats parallel segments written twice).
   */
  private JobSummary copyInOnePass(
      RenderRequest r,
      List<Usable> clips,
      Path temp,
      Consumer<String> clipLines,
      StopToken stop,
      ProgressModel progress)
      throws IOException {
    java.util.concurrent.atomic.DoubleAdder made = beginClips("copy", clips, progress);
    List<TimelineCopier.Piece> pieces =
        clips.stream()
            .map(u -> new TimelineCopier.Piece(u.clip().source(), u.start(), u.end()))
            .toList();
    int[] done = {0, 0};
    try {
      double seconds;
      try {
        seconds =
            copier.copy(
                pieces,
                temp,
                r.out().getFileName().toString(),
                r.timeout(),
                stop::isStopped,
                (i, result) -> {
                  Usable u = clips.get(i);
                  if (result instanceof ClipCutter.Result.Cut cut) {
                    done[0]++;
                    made.add(cut.endSeconds() - cut.startSeconds());
                    clipLines.accept(
                        String.format(
                            Locale.ROOT,
                            "clip %d  %s  %.3f-%.3f  starts %.3fs early (keyframe)",
                            u.number(),
                            u.clip().source().getFileName(),
                            cut.startSeconds(),
                            cut.endSeconds(),
                            u.start() - cut.startSeconds()));
                    progress.ok();
                  } else if (result instanceof ClipCutter.Result.Failed f) {
                    done[1]++;
                    warnings.accept(u.clip().where() + ": skipped: " + f.error());
                    progress.failed();
                  }
                });
      } catch (IllegalStateException e) {
        throw new JobFailedException(
            "nothing of " + r.editList() + " could be copied: " + e.getMessage(), e);
      }
      if (stop.isStopped()) {
        return JobSummary.of(progress, clips.size() - done[0], true);
      }
      return finish(r, temp, seconds, done[0], done[1], clips.size(), clipLines, stop, progress);
    } finally {
      Files.deleteIfExists(temp);
      Files.deleteIfExists(musicTemp(temp));
    }
  }

  /**
   * Starts the phase that makes the clips: progress over clips, with the seconds of output made so
   * far (the returned adder) against the timeline's.
   */
  static java.util.concurrent.atomic.DoubleAdder beginClips(
      String phase, List<Usable> clips, ProgressModel progress) {
    progress.beginPhase(phase);
    progress.total(clips.size());
    double wanted = clips.stream().mapToDouble(u -> u.end() - u.start()).sum();
    java.util.concurrent.atomic.DoubleAdder made = new java.util.concurrent.atomic.DoubleAdder();
    progress.extras(
        () ->
            Map.of(
                "output_seconds", Math.round(made.sum() * 10) / 10.0,
                "timeline_seconds", Math.round(wanted * 10) / 10.0));
    return made;
  }

  private static Path musicTemp(Path temp) {
    return temp.resolveSibling(temp.getFileName() + ".music");
  }

  /**
   * Lays the request's music under the rendered {@code made}; returns the file to publish, or null
   * when stopped.
   */
  private Path withMusic(RenderRequest r, Path made, StopToken stop, ProgressModel progress)
      throws IOException {
    if (r.music() == null) {
      return made;
    }
    progress.beginPhase("music");
    Path mixed = musicTemp(made);
    try {
      soundtrack.lay(made, r.music(), mixed, r.out().getFileName().toString(), stop::isStopped);
    } catch (IllegalStateException e) {
      if (stop.isStopped()) {
        return null;
      }
      throw new JobFailedException(
          "cannot lay " + r.music().file() + " under the render: " + e.getMessage(), e);
    }
    Files.delete(made);
    return mixed;
  }

  /**
   * The end of either mode: the music laid (when asked for), the rendered file renamed to the
   * output, the closing line and the summary (clips of missing sources counted as skipped).
   */
  private JobSummary finish(
      RenderRequest r,
      Path made,
      double seconds,
      long ok,
      long failed,
      int usable,
      Consumer<String> clipLines,
      StopToken stop,
      ProgressModel progress)
      throws IOException {
    Path finished = withMusic(r, made, stop, progress);
    if (finished == null) {
      return JobSummary.of(progress, 0, true);
    }
    publish(finished, r);
    closingLine(r, clipLines, progress, (int) ok, seconds);
    return new JobSummary(
        "render",
        "clips",
        ok,
        failed,
        r.clips().size() - usable,
        0,
        Duration.ofNanos(progress.jobElapsedNanos()),
        false);
  }

  private static void publish(Path temp, RenderRequest r) throws IOException {
    if (r.overwrite()) {
      Files.move(
          temp, r.out(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } else {
      Files.move(temp, r.out(), StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private static void closingLine(
      RenderRequest r, Consumer<String> lines, ProgressModel progress, int clips, double seconds) {
    double took = progress.jobElapsedNanos() / 1e9;
    lines.accept(
        String.format(
            Locale.ROOT,
            "%s: %d clips, %.3fs of video in %.2fs (%.1fx realtime)",
            r.out(),
            clips,
            seconds,
            took,
            seconds / Math.max(1e-3, took)));
  }
}
