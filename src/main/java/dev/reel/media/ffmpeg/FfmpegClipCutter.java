package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.avformat_seek_file;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import dev.reel.media.ClipCutter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
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

  private static Result copy(
      Path source, double from, double to, Path target, Path temp, Duration timeout) {
    try (InterruptDeadline deadline = InterruptDeadline.after(timeout.toNanos());
        FormatContext in = FormatContext.open(source.toString(), deadline);
        Packet packet = Packet.allocate()) {
      in.findStreamInfo();
      AVFormatContext ictx = in.raw();
      int[] va = videoAndAudio(ictx);
      int video = va[0];
      int audio = va[1];
      if (video < 0 && audio < 0) {
        return new Result.Failed("no video or audio stream to cut");
      }
      double startTime = ictx.start_time() == AV_NOPTS_VALUE ? 0 : ictx.start_time() / 1_000_000.0;
      int seekStream = video >= 0 ? video : audio;
      AVStream ss = ictx.streams(seekStream);
      long target0 = toTs(from + startTime, ss.time_base());
      avformat_seek_file(ictx, seekStream, Long.MIN_VALUE, target0, target0, AVSEEK_FLAG_BACKWARD);
      try (OutputContext out =
          OutputContext.forName(target.getFileName().toString(), temp.toString())) {
        int[] map = new int[ictx.nb_streams()];
        java.util.Arrays.fill(map, -1);
        for (int i : new int[] {video, audio}) {
          if (i < 0) {
            continue;
          }
          AVStream is = ictx.streams(i);
          AVStream os = out.newStream();
          FfmpegErrors.check(
              avcodec_parameters_copy(os.codecpar(), is.codecpar()),
              "avcodec_parameters_copy",
              source.toString());
          os.codecpar().codec_tag(0);
          os.time_base(is.time_base());
          map[i] = os.index();
        }
        out.start();
        double start = Double.NaN; // the clip's real start (the first keyframe's time)
        double end = from;
        boolean videoDone = video < 0;
        boolean audioDone = audio < 0;
        long[] offset = new long[ictx.nb_streams()];
        while (!(videoDone && audioDone)) {
          int ret = in.readPacket(packet);
          if (ret == AVERROR_EOF) {
            break;
          }
          if (ret < 0) {
            if (deadline.expired()) {
              return new Result.Failed("timed out");
            }
            return new Result.Failed("read error: " + FfmpegErrors.text(ret));
          }
          AVPacket p = packet.raw();
          int si = p.stream_index();
          if (si >= map.length || map[si] < 0 || p.pts() == AV_NOPTS_VALUE) {
            packet.unref();
            continue;
          }
          AVStream is = ictx.streams(si);
          double t = p.pts() * q(is.time_base()) - startTime;
          if (Double.isNaN(start)) {
            // the clip starts at the first video keyframe (or, without video, the first audio)
            boolean key = (p.flags() & AV_PKT_FLAG_KEY) != 0;
            if (si != seekStream || !key) {
              packet.unref();
              continue;
            }
            start = t;
          }
          if (t < start - 0.0005 || t >= to) {
            if (t >= to) {
              if (si == video) {
                videoDone = true;
              } else {
                audioDone = true;
              }
            }
            packet.unref();
            continue;
          }
          if (offset[si] == 0) {
            offset[si] = toTs(start + startTime, is.time_base());
            if (offset[si] == 0) {
              offset[si] = Long.MIN_VALUE; // marks "set" for a zero offset
            }
          }
          long off = offset[si] == Long.MIN_VALUE ? 0 : offset[si];
          p.pts(p.pts() - off);
          if (p.dts() != AV_NOPTS_VALUE) {
            p.dts(p.dts() - off);
          }
          end = Math.max(end, t + (p.duration() > 0 ? p.duration() * q(is.time_base()) : 0));
          p.stream_index(map[si]);
          p.pos(-1);
          av_packet_rescale_ts(p, is.time_base(), out.raw().streams(map[si]).time_base());
          out.write(p);
          packet.unref();
        }
        if (Double.isNaN(start)) {
          return new Result.Failed("nothing to cut between " + from + "s and " + to + "s");
        }
        out.finish();
        return new Result.Cut(target, start, Math.min(end, to));
      }
    }
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
