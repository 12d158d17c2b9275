package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_seek_file;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;

import dev.reel.media.AudioDecoder;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Decodes a file's best audio stream with FFmpeg to mono float samples.
 *
 * <p>Every other stream is discarded at the demuxer. For a range that starts inside the file, it
 * seeks to the last point at or before the start and drops decoded samples before it, so the first
 * sample handed out is the one at the start, whichever packet it came in. Samples are counted from
 * the first frame's timestamp, then continuously (gaps and overlaps in timestamps are not followed:
 * loudness over time needs a steady clock, not a repaired one).
 */
public final class FfmpegAudioDecoder implements AudioDecoder {
  private static final int EAGAIN;

  static {
    FfmpegLibrary.load();
    EAGAIN = AVERROR_EAGAIN();
  }

  private static final int BLOCK = 8192;
  private static final double PREROLL_SECONDS = 0.5;

  @Override
  public Result track(Path file) {
    try (InterruptDeadline deadline = InterruptDeadline.after(Long.MAX_VALUE / 4);
        FormatContext fc = FormatContext.open(file.toString(), deadline)) {
      fc.findStreamInfo();
      int index = best(fc.raw());
      if (index < 0) {
        return new Result.NoAudio(fc.raw().iformat().name().getString());
      }
      return new Result.Decoded(track(fc, index, 0), 0);
    } catch (FfmpegException e) {
      return new Result.Failed(e.reasonAndFunction(), 0);
    }
  }

  @Override
  public Result decode(
      Path file,
      double fromSeconds,
      Double toSeconds,
      int sampleRate,
      Blocks sink,
      BooleanSupplier stop) {
    long handed = 0;
    try (InterruptDeadline deadline = InterruptDeadline.after(Long.MAX_VALUE / 4);
        FormatContext fc = FormatContext.open(file.toString(), deadline)) {
      fc.findStreamInfo();
      AVFormatContext ctx = fc.raw();
      int index = best(ctx);
      if (index < 0) {
        return new Result.NoAudio(ctx.iformat().name().getString());
      }
      for (int i = 0; i < ctx.nb_streams(); i++) {
        if (i != index) {
          ctx.streams(i).discard(AVDISCARD_ALL);
        }
      }
      AVStream stream = ctx.streams(index);
      int rate = sampleRate > 0 ? sampleRate : stream.codecpar().sample_rate();
      Track track = track(fc, index, rate);
      if (fromSeconds > 0) {
        // half a second early: the decoder's first frame after a seek lacks its overlap with the
        // frame before, so the frames that count must not be the first decoded
        long ts = (long) (Math.max(0, fromSeconds - PREROLL_SECONDS) * AV_TIME_BASE);
        // a failed seek reads from the start and drops what comes before: slower, never wrong
        avformat_seek_file(ctx, -1, Long.MIN_VALUE, ts, ts, AVSEEK_FLAG_BACKWARD);
      }
      long firstWanted = Math.round(fromSeconds * rate);
      long lastWanted = toSeconds == null ? Long.MAX_VALUE : Math.round(toSeconds * rate);
      double tb = stream.time_base().num() / (double) stream.time_base().den();
      double startTime =
          ctx.start_time() == AV_NOPTS_VALUE ? 0 : ctx.start_time() / (double) AV_TIME_BASE;
      try (Packet packet = Packet.allocate();
          Frame frame = Frame.allocate();
          CodecContext dec = CodecContext.openDecoder(stream.codecpar(), fc.file())) {
        Resampler resampler = null;
        float[][] buf = {new float[BLOCK]};
        long next = -1; // index of the next sample out of the resampler
        boolean done = false;
        try {
          while (!done) {
            if (stop.getAsBoolean()) {
              return new Result.Stopped(handed);
            }
            int ret = fc.readPacket(packet);
            boolean eof = ret == AVERROR_EOF;
            if (ret < 0 && !eof) {
              return new Result.Failed(
                  "read error at "
                      + String.format(java.util.Locale.ROOT, "%.1f", next / (double) rate)
                      + "s: "
                      + FfmpegErrors.text(ret),
                  handed);
            }
            if (!eof && packet.streamIndex() != index) {
              packet.unref();
              continue;
            }
            int sent = dec.send(eof ? null : packet.raw());
            packet.unref();
            if (sent < 0 && sent != EAGAIN && sent != AVERROR_EOF) {
              continue; // one undecodable packet: the rest of the track still counts
            }
            while (true) {
              int got = dec.receive(frame);
              if (got == EAGAIN || got == AVERROR_EOF) {
                break;
              }
              if (got < 0) {
                break;
              }
              AVFrame f = frame.raw();
              if (resampler == null) {
                resampler = Resampler.toMono(f, rate, fc.file());
              }
              if (next < 0) {
                long pts = f.best_effort_timestamp();
                double at = pts == AV_NOPTS_VALUE ? 0 : pts * tb - startTime;
                next = Math.max(0, Math.round(at * rate));
              }
              int n = resampler.convert(f, buf, rate);
              frame.unref();
              handed += hand(sink, buf[0], n, next, firstWanted, lastWanted);
              next += n;
              if (next >= lastWanted) {
                done = true;
                break;
              }
            }
            if (eof) {
              if (resampler != null && !done) {
                int n = resampler.convert(null, buf, rate);
                handed += hand(sink, buf[0], n, next, firstWanted, lastWanted);
              }
              done = true;
            }
          }
        } finally {
          if (resampler != null) {
            resampler.close();
          }
        }
      }
      return new Result.Decoded(track, handed);
    } catch (FfmpegException e) {
      return new Result.Failed(e.reasonAndFunction(), handed);
    }
  }

  /** Hands out the part of a block inside [first, last); returns how many samples. */
  private static int hand(Blocks sink, float[] block, int n, long at, long first, long last) {
    int from = (int) Math.max(0, Math.min(n, first - at));
    int to = (int) Math.max(from, Math.min(n, last - at));
    if (to > from) {
      if (from > 0) {
        System.arraycopy(block, from, block, 0, to - from);
      }
      sink.accept(at + from, block, to - from);
    }
    return to - from;
  }

  private static int best(AVFormatContext ctx) {
    return av_find_best_stream(ctx, AVMEDIA_TYPE_AUDIO, -1, -1, (AVCodec) null, 0);
  }

  private static Track track(FormatContext fc, int index, int rate) {
    AVFormatContext ctx = fc.raw();
    AVStream s = ctx.streams(index);
    Double duration = ctx.duration() > 0 ? ctx.duration() / (double) AV_TIME_BASE : null;
    return new Track(
        index,
        FfmpegNames.codec(s.codecpar().codec_id()),
        s.codecpar().sample_rate(),
        s.codecpar().ch_layout().nb_channels(),
        rate,
        duration);
  }
}
