package dev.reel.render;

import dev.reel.concurrent.ItemOutcome;
import dev.reel.concurrent.ParallelMap;
import dev.reel.concurrent.StopToken;
import dev.reel.job.JobFailedException;
import dev.reel.media.ClipCutter;
import dev.reel.media.SegmentBlender;
import dev.reel.media.SegmentFormat;
import dev.reel.progress.ProgressModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The segments of an encoded render: every clip's core (and, with cross-fades, the ends that meet)
 * encoded in one format on the workers, kept in timeline order whatever finishes first; then the
 * cross-fades blended from the ends. The title card goes over the first clip's core.
 */
final class SegmentedEncode {
  private final ClipCutter cutter;
  private final SegmentBlender blender;
  private final Consumer<String> warnings;

  SegmentedEncode(ClipCutter cutter, SegmentBlender blender, Consumer<String> warnings) {
    this.cutter = cutter;
    this.blender = blender;
    this.warnings = warnings;
  }

  /** The segments to join, in order; how many clips made it and how many failed. */
  record Result(List<Path> segments, long cores, long failed) {}

  /**
   * Encodes into {@code parts} (files named with {@code ext}); null when stopped.
   *
   * @throws JobFailedException when no clip could be encoded
   */
  Result encode(
      RenderRequest r,
      List<RenderJob.Usable> clips,
      SegmentFormat fmt,
      Path parts,
      String ext,
      Consumer<String> clipLines,
      StopToken stop,
      ProgressModel progress) {
    java.util.concurrent.atomic.DoubleAdder done = RenderJob.beginClips("cut", clips, progress);
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
              RenderJob.Usable u = p.usable();
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
      return null;
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
    return new Result(segments, cores, failed[0]);
  }
}
