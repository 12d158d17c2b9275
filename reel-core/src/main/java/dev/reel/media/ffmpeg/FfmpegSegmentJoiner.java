package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import dev.reel.media.SegmentJoiner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Joins segments by stream copy. The output takes the first segment's streams; every later segment
 * must have as many streams of the same codecs. Each segment starts where the longest stream of the
 * one before ended, so audio and video stay together across joins.
 */
public final class FfmpegSegmentJoiner implements SegmentJoiner {
  public FfmpegSegmentJoiner() {
    FfmpegLibrary.load();
  }

  @Override
  public double join(List<Path> segments, Path target, String nameForFormat) {
    if (segments.isEmpty()) {
      throw new IllegalStateException("no segment to join");
    }
    try (OutputContext out = OutputContext.forName(nameForFormat, target.toString());
        Packet packet = Packet.allocate()) {
      double offset = 0;
      int streams = -1;
      long[] lastDts = null;
      int[] codecs = null;
      for (int s = 0; s < segments.size(); s++) {
        Path seg = segments.get(s);
        try (InterruptDeadline d = InterruptDeadline.after(Duration.ofMinutes(10).toNanos());
            FormatContext in = FormatContext.open(seg.toString(), d)) {
          in.findStreamInfo();
          AVFormatContext ictx = in.raw();
          if (s == 0) {
            streams = ictx.nb_streams();
            codecs = new int[streams];
            for (int i = 0; i < streams; i++) {
              AVStream is = ictx.streams(i);
              AVStream os = out.newStream();
              FfmpegErrors.check(
                  avcodec_parameters_copy(os.codecpar(), is.codecpar()),
                  "avcodec_parameters_copy",
                  seg.toString());
              os.codecpar().codec_tag(0);
              os.time_base(is.time_base());
              codecs[i] = is.codecpar().codec_id();
            }
            out.start();
            lastDts = new long[streams];
            java.util.Arrays.fill(lastDts, Long.MIN_VALUE);
          } else if (ictx.nb_streams() != streams) {
            throw new IllegalStateException(
                seg.getFileName()
                    + " has "
                    + ictx.nb_streams()
                    + " streams, the first segment "
                    + streams);
          }
          for (int i = 0; i < streams; i++) {
            if (ictx.streams(i).codecpar().codec_id() != codecs[i]) {
              throw new IllegalStateException(
                  seg.getFileName()
                      + ": stream "
                      + i
                      + " has another codec than in the first segment");
            }
          }
          double end = 0;
          while (true) {
            int ret = in.readPacket(packet);
            if (ret == AVERROR_EOF) {
              break;
            }
            FfmpegErrors.check(ret, "av_read_frame", seg.toString());
            AVPacket p = packet.raw();
            AVStream is = ictx.streams(p.stream_index());
            AVRational itb = is.time_base();
            double tb = itb.num() / (double) itb.den();
            if (p.pts() != AV_NOPTS_VALUE) {
              end = Math.max(end, (p.pts() + Math.max(0, p.duration())) * tb);
            }
            long shift = Math.round(offset / tb);
            if (p.pts() != AV_NOPTS_VALUE) {
              p.pts(p.pts() + shift);
            }
            if (p.dts() != AV_NOPTS_VALUE) {
              p.dts(p.dts() + shift);
            }
            p.pos(-1);
            av_packet_rescale_ts(p, itb, out.raw().streams(p.stream_index()).time_base());
            // an encoder's priming packet (AAC starts before zero) may overlap the segment before
            // by a few milliseconds: its timestamps are moved just past the last ones written
            int si = p.stream_index();
            if (p.dts() != AV_NOPTS_VALUE) {
              if (p.dts() <= lastDts[si]) {
                long bump = lastDts[si] + 1 - p.dts();
                p.dts(p.dts() + bump);
                if (p.pts() != AV_NOPTS_VALUE && p.pts() < p.dts()) {
                  p.pts(p.dts());
                }
              }
              lastDts[si] = p.dts();
            }
            out.write(p);
            packet.unref();
          }
          offset += end;
        }
      }
      out.finish();
      return offset;
    } catch (FfmpegException e) {
      throw new IllegalStateException(e.reasonAndFunction(), e);
    }
  }
}
