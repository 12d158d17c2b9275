package dev.reel.render;

import dev.reel.concurrent.ItemOutcome;
import dev.reel.concurrent.ParallelMap;
import dev.reel.concurrent.StopToken;
import dev.reel.job.InvalidRequestException;
import dev.reel.job.JobFailedException;
import dev.reel.job.JobSummary;
import dev.reel.media.ClipCutter;
import dev.reel.media.FileFacts;
import dev.reel.media.MediaInfo;
import dev.reel.media.MediaProbe;
import dev.reel.media.ProbeDepth;
import dev.reel.media.ProbeOutcome;
import dev.reel.media.SegmentJoiner;
import dev.reel.media.Soundtrack;
import dev.reel.media.TimelineCopier;
import dev.reel.progress.ProgressModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
    Map<Path, ProbeOutcome> sources = new LinkedHashMap<>();
    List<Path> distinct =
        new ArrayList<>(new LinkedHashSet<>(r.clips().stream().map(TimelineClip::source).toList()));
    new ParallelMap<Path, ProbeOutcome>(
            r.workers(), Duration.ofSeconds(60), true, "reel-render-probe")
        .run(
            distinct.iterator(),
            p -> probe.probe(facts(p), ProbeDepth.HEADER, Duration.ofSeconds(30)),
            o -> {
              if (o instanceof ItemOutcome.Done<Path, ProbeOutcome> d) {
                sources.put(d.item(), d.value());
              }
            },
            stop,
            Duration.ofSeconds(5));
    List<Usable> out = new ArrayList<>();
    for (int i = 0; i < r.clips().size(); i++) {
      TimelineClip c = r.clips().get(i);
      ProbeOutcome o = sources.get(c.source());
      if (o == null || o.mediaInfo().isEmpty() || !(o instanceof ProbeOutcome.Playable)) {
        String why =
            !Files.exists(c.source())
                ? "no such file"
                : o == null ? "not probed" : o.problem().orElse("unreadable");
        warnings.accept(c.where() + ": skipped: " + c.source() + ": " + why);
        continue;
      }
      MediaInfo info = o.mediaInfo().get();
      double end = c.endSeconds();
      Double duration = info.durationSeconds();
      if (duration != null && end > duration) {
        if (c.startSeconds() >= duration) {
          warnings.accept(
              String.format(
                  Locale.ROOT,
                  "%s: skipped: starts at %.3fs, after the end of %s (%.3fs)",
                  c.where(),
                  c.startSeconds(),
                  c.source().getFileName(),
                  duration));
          continue;
        }
        warnings.accept(
            String.format(
                Locale.ROOT,
                "%s: end %.3fs is after the end of %s: clamped to %.3fs",
                c.where(),
                end,
                c.source().getFileName(),
                duration));
        end = duration;
      }
      out.add(new Usable(i + 1, c, info, c.startSeconds(), end));
    }
    if (out.isEmpty()) {
      throw new JobFailedException("no usable clip in " + r.editList() + ": nothing was rendered");
    }
    return out;
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
    return BeatSnap.snap(clips, beats, 1 / format(clips, output).fps());
  }

  /** Refuses, listing them, clips whose sources differ from the first clip's in stream formats. */
  static void checkCopyable(List<Usable> clips) {
    String first = signature(clips.get(0).source());
    List<String> bad = new ArrayList<>();
    for (Usable u : clips) {
      String s = signature(u.source());
      if (!s.equals(first)) {
        bad.add("clip " + u.number() + " (" + u.clip().source().getFileName() + "): " + s);
      }
    }
    if (!bad.isEmpty()) {
      throw new InvalidRequestException(
          "--mode copy needs sources of one format; clip "
              + clips.get(0).number()
              + " ("
              + clips.get(0).clip().source().getFileName()
              + ") is "
              + first
              + ", but "
              + String.join("; ", bad));
    }
  }

  static String signature(MediaInfo info) {
    StringBuilder b = new StringBuilder();
    info.videoStreams().stream()
        .findFirst()
        .ifPresentOrElse(
            v ->
                b.append(v.codec())
                    .append(' ')
                    .append(v.width())
                    .append('x')
                    .append(v.height())
                    .append(v.pixelFormat() == null ? "" : " " + v.pixelFormat()),
            () -> b.append("no video"));
    b.append(", ");
    info.audioStreams().stream()
        .findFirst()
        .ifPresentOrElse(
            a ->
                b.append(a.codec())
                    .append(' ')
                    .append(a.sampleRate())
                    .append(" Hz ")
                    .append(a.channels())
                    .append(" ch"),
            () -> b.append("no audio"));
    return b.toString();
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
      checkCopyable(clips);
    } else {
      format = format(clips, r.output());
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
      java.util.concurrent.atomic.DoubleAdder done = beginClips("cut", clips, progress);
      String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "mkv";
      double[] fades = CrossfadePlan.fades(clips, r.output().crossfadeSeconds(), fmt.fps());
      List<CrossfadePlan.Piece> pieces = CrossfadePlan.pieces(clips, fades);
      // the title shows over the first clip's own part (not into a cross-fade)
      CrossfadePlan.Piece first =
          pieces.stream().filter(p -> p.role() == CrossfadePlan.Role.CORE).findFirst().get();
      dev.reel.media.Overlay title =
          r.title() == null
              ? null
              : TitleCard.of(
                  r.title().text(),
                  fmt.width(),
                  fmt.height(),
                  Math.min(r.title().seconds(), first.to() - first.from()));
      Map<String, Path> made = new java.util.HashMap<>();
      List<Path> segments = new ArrayList<>();
      long[] failed = {0};
      new ParallelMap<CrossfadePlan.Piece, ClipCutter.Result>(
              r.workers(), r.timeout().plusSeconds(5), true, "reel-render-cut")
          .run(
              pieces.iterator(),
              p -> {
                Path seg =
                    parts.resolve(
                        String.format(
                            Locale.ROOT, "seg-%05d-%s.%s", p.usable().number(), p.role(), ext));
                return cutter.encodeSegment(
                    p.usable().clip().source(),
                    p.from(),
                    p.to(),
                    seg,
                    fmt,
                    p == first ? title : null,
                    true,
                    r.timeout());
              },
              o -> {
                CrossfadePlan.Piece p = o.item();
                Usable u = p.usable();
                if (o instanceof ItemOutcome.Done<CrossfadePlan.Piece, ClipCutter.Result> d
                    && d.value() instanceof ClipCutter.Result.Cut cut) {
                  made.put(p.role() + "-" + p.clip(), cut.file());
                  if (p.role() == CrossfadePlan.Role.CORE) {
                    done.add(u.end() - u.start());
                    clipLines.accept(
                        String.format(
                            Locale.ROOT,
                            "clip %d  %s  %.3f-%.3f",
                            u.number(),
                            u.clip().source().getFileName(),
                            fades.length > 0 ? u.start() : cut.startSeconds(),
                            fades.length > 0 ? u.end() : cut.endSeconds()));
                    progress.ok();
                  }
                } else if (p.role() == CrossfadePlan.Role.CORE) {
                  String why =
                      o instanceof ItemOutcome.Done<CrossfadePlan.Piece, ClipCutter.Result> d
                              && d.value() instanceof ClipCutter.Result.Failed f
                          ? f.error()
                          : "timed out or failed";
                  warnings.accept(u.clip().where() + ": skipped: " + why);
                  failed[0]++;
                  progress.failed();
                }
              },
              stop,
              Duration.ofSeconds(5));
      if (stop.isStopped()) {
        return JobSummary.of(progress, clips.size() - made.size(), true);
      }
      long cores =
          pieces.stream()
              .filter(p -> made.containsKey(p.role() + "-" + p.clip()))
              .filter(p -> p.role() == CrossfadePlan.Role.CORE)
              .count();
      if (cores == 0) {
        throw new JobFailedException(
            "no clip of " + r.editList() + " could be cut: nothing was rendered");
      }
      if (fades.length > 0) {
        progress.beginPhase("crossfade");
      }
      for (int k = 0; k < clips.size(); k++) {
        Path core = made.get("CORE-" + k);
        if (core == null) {
          continue;
        }
        segments.add(core);
        if (k < fades.length && fades[k] > 0) {
          Path tail = made.get("TAIL-" + k);
          Path head = made.get("HEAD-" + (k + 1));
          if (tail == null || head == null || made.get("CORE-" + (k + 1)) == null) {
            warnings.accept(
                "clip " + clips.get(k).number() + ": no cross-fade into the next clip (not cut)");
            continue;
          }
          Path blend = parts.resolve(String.format(Locale.ROOT, "fade-%05d.%s", k, ext));
          ClipCutter.Result b = blender.blend(tail, head, blend, fmt);
          if (b instanceof ClipCutter.Result.Cut c) {
            segments.add(c.file());
            clipLines.accept(
                String.format(
                    Locale.ROOT,
                    "crossfade %d-%d  %.3fs",
                    clips.get(k).number(),
                    clips.get(k + 1).number(),
                    c.endSeconds()));
          } else if (b instanceof ClipCutter.Result.Failed f) {
            warnings.accept(
                "clip " + clips.get(k).number() + ": no cross-fade into the next: " + f.error());
          }
        }
      }
      progress.beginPhase("join");
      double seconds;
      try {
        seconds = joiner.join(segments, temp, name);
      } catch (IllegalStateException e) {
        throw new JobFailedException("cannot join the segments: " + e.getMessage(), e);
      }
      Path finished = withMusic(r, temp, stop, progress);
      if (finished == null) {
        return JobSummary.of(progress, 0, true);
      }
      publish(finished, r);
      closingLine(r, clipLines, progress, (int) cores, seconds);
      return new JobSummary(
          "render",
          "clips",
          cores,
          failed[0],
          r.clips().size() - clips.size(),
          0,
          Duration.ofNanos(progress.jobElapsedNanos()),
          false);
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
      Path finished = withMusic(r, temp, stop, progress);
      if (finished == null) {
        return JobSummary.of(progress, 0, true);
      }
      publish(finished, r);
      closingLine(r, clipLines, progress, done[0], seconds);
      return new JobSummary(
          "render",
          "clips",
          done[0],
          done[1],
          r.clips().size() - clips.size(),
          0,
          Duration.ofNanos(progress.jobElapsedNanos()),
          false);
    } finally {
      Files.deleteIfExists(temp);
      Files.deleteIfExists(musicTemp(temp));
    }
  }

  /**
   * Starts the phase that makes the clips: progress over clips, with the seconds of output made so
   * far (the returned adder) against the timeline's.
   */
  private static java.util.concurrent.atomic.DoubleAdder beginClips(
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

  /** The output format: the options', else the most common size and rate of the clips' sources. */
  static dev.reel.media.SegmentFormat format(List<Usable> clips, RenderRequest.Output o) {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    Map<Double, Integer> rates = new LinkedHashMap<>();
    for (Usable u : clips) {
      u.source().videoStreams().stream()
          .findFirst()
          .ifPresent(
              v -> {
                sizes.merge(v.width() + "x" + v.height(), 1, Integer::sum);
                if (v.frameRate() != null && v.frameRate() > 0) {
                  rates.merge(Math.round(v.frameRate() * 1000) / 1000.0, 1, Integer::sum);
                }
              });
    }
    int w;
    int h;
    if (o.width() != null) {
      w = o.width();
      h = o.height();
    } else {
      String best =
          sizes.entrySet().stream()
              .max(Map.Entry.comparingByValue())
              .map(Map.Entry::getKey)
              .orElse("1280x720");
      w = Integer.parseInt(best.substring(0, best.indexOf('x')));
      h = Integer.parseInt(best.substring(best.indexOf('x') + 1));
    }
    double fps =
        o.fps() != null
            ? o.fps()
            : rates.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(25.0);
    int num;
    int den;
    if (Math.abs(fps - Math.round(fps)) < 1e-6) {
      num = (int) Math.round(fps);
      den = 1;
    } else if (Math.abs(fps * 1.001 - Math.round(fps * 1.001)) < 1e-3) {
      num = (int) Math.round(fps * 1.001) * 1000;
      den = 1001;
    } else {
      num = (int) Math.round(fps * 1000);
      den = 1000;
    }
    return new dev.reel.media.SegmentFormat(w / 2 * 2, h / 2 * 2, num, den, 48_000, 2, o.video());
  }

  private static FileFacts facts(Path p) {
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      return new FileFacts(p, a.size(), a.lastModifiedTime().toInstant());
    } catch (IOException e) {
      return new FileFacts(p, 0, java.time.Instant.EPOCH);
    }
  }
}
