package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import dev.reel.media.ClipCutter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Cuts clips with FFmpeg: by stream copy, or frame-accurate by {@link EncodedCut}.
 *
 * <p>Seeks to the video keyframe at or before the wanted start and copies packets of the first
 * video and first audio stream from there: video from its first keyframe on, audio from the same
 * time on, both until the wanted end. Timestamps are shifted so that the clip starts at zero. The
 * clip is written to a temporary file next to the target and renamed into place.
 */
public final class FfmpegClipCutter implements ClipCutter {

  public FfmpegClipCutter() {
    FfmpegLibrary.load();
  }

  @Override
  public String videoEncoder(dev.reel.media.VideoEncoding how) {
    return VideoEncoders.name(how);
  }

  @Override
  public Result encodeSegment(
      Path source,
      double fromSeconds,
      double toSeconds,
      Path target,
      dev.reel.media.SegmentFormat format,
      dev.reel.media.Overlay overlay,
      boolean replace,
      Duration timeout) {
    return write(
        target,
        replace,
        fromSeconds,
        toSeconds,
        temp ->
            EncodedCut.cut(source, fromSeconds, toSeconds, target, temp, timeout, format, overlay));
  }

  @Override
  public Result cut(
      Path source,
      double fromSeconds,
      double toSeconds,
      Path target,
      Mode mode,
      boolean replace,
      Duration timeout) {
    return write(
        target,
        replace,
        fromSeconds,
        toSeconds,
        temp ->
            mode == Mode.ENCODE
                ? EncodedCut.cut(source, fromSeconds, toSeconds, target, temp, timeout)
                : copy(source, fromSeconds, toSeconds, target, temp, timeout));
  }

  /** Runs {@code make} on a temporary file next to {@code target} and renames it into place. */
  private static Result write(
      Path target,
      boolean replace,
      double fromSeconds,
      double toSeconds,
      java.util.function.Function<Path, Result> make) {
    if (!(toSeconds > fromSeconds)) {
      return new Result.Failed(
          "the clip's end (" + toSeconds + "s) must be after its start (" + fromSeconds + "s)");
    }
    if (!replace && Files.exists(target)) {
      return new Result.Failed(target + " exists (give --overwrite to replace it)");
    }
    Path temp = target.resolveSibling("." + target.getFileName() + ".part");
    try {
      Result r = make.apply(temp);
      if (r instanceof Result.Cut) {
        if (replace) {
          Files.move(
              temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
      }
      return r;
    } catch (FfmpegException e) {
      return new Result.Failed(e.reasonAndFunction());
    } catch (IOException e) {
      return new Result.Failed("cannot write " + target + ": " + e.getMessage());
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // the temporary file is hidden; nothing else to do
      }
    }
  }

  /** A stream copy of one clip: the timeline copier with a timeline of one. */
  private static Result copy(
      Path source, double from, double to, Path target, Path temp, Duration timeout) {
    Result[] result = {null};
    try {
      new FfmpegTimelineCopier()
          .copy(
              java.util.List.of(new dev.reel.media.TimelineCopier.Piece(source, from, to)),
              temp,
              target.getFileName().toString(),
              timeout,
              () -> false,
              (index, r) -> result[0] = r);
    } catch (IllegalStateException e) {
      return result[0] instanceof Result.Failed f ? f : new Result.Failed(e.getMessage());
    }
    return result[0] instanceof Result.Cut c
        ? new Result.Cut(target, c.startSeconds(), c.endSeconds())
        : result[0];
  }

  /**
   * The streams a clip keeps: the first video stream that is not cover art, and the first audio
   * stream ({@code -1} for none).
   */
  static int[] videoAndAudio(AVFormatContext ctx) {
    int video = -1;
    int audio = -1;
    for (int i = 0; i < ctx.nb_streams(); i++) {
      int type = ctx.streams(i).codecpar().codec_type();
      boolean cover =
          (ctx.streams(i).disposition()
                  & org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC)
              != 0;
      if (type == AVMEDIA_TYPE_VIDEO && video < 0 && !cover) {
        video = i;
      } else if (type == AVMEDIA_TYPE_AUDIO && audio < 0) {
        audio = i;
      }
    }
    return new int[] {video, audio};
  }

  private static double q(AVRational r) {
    return r.num() / (double) r.den();
  }

  private static long toTs(double seconds, AVRational tb) {
    return Math.round(seconds / q(tb));
  }
}
