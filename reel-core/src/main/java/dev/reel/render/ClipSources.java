package dev.reel.render;

import dev.reel.concurrent.ItemOutcome;
import dev.reel.concurrent.ParallelMap;
import dev.reel.concurrent.StopToken;
import dev.reel.job.InvalidRequestException;
import dev.reel.job.JobFailedException;
import dev.reel.media.FileFacts;
import dev.reel.media.MediaInfo;
import dev.reel.media.MediaProbe;
import dev.reel.media.ProbeDepth;
import dev.reel.media.ProbeOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The sources of a timeline: each distinct one probed once (in parallel); clips of missing or
 * unreadable sources skipped with a warning, times beyond a source clamped (or the clip skipped
 * when nothing is left); for copy mode, the check that all share their streams' formats.
 */
final class ClipSources {
  private final MediaProbe probe;
  private final Consumer<String> warnings;

  ClipSources(MediaProbe probe, Consumer<String> warnings) {
    this.probe = probe;
    this.warnings = warnings;
  }

  /** Probes each distinct source once; returns the usable clips, warning about the others. */
  List<RenderJob.Usable> usable(RenderRequest r, StopToken stop) {
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
    List<RenderJob.Usable> out = new ArrayList<>();
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
      out.add(new RenderJob.Usable(i + 1, c, info, c.startSeconds(), end));
    }
    if (out.isEmpty()) {
      throw new JobFailedException("no usable clip in " + r.editList() + ": nothing was rendered");
    }
    return out;
  }

  /** Refuses, listing them, clips whose sources differ from the first clip's in stream formats. */
  static void checkCopyable(List<RenderJob.Usable> clips) {
    String first = signature(clips.get(0).source());
    List<String> bad = new ArrayList<>();
    for (RenderJob.Usable u : clips) {
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

  private static FileFacts facts(Path p) {
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      return new FileFacts(p, a.size(), a.lastModifiedTime().toInstant());
    } catch (IOException e) {
      return new FileFacts(p, 0, java.time.Instant.EPOCH);
    }
  }
}
