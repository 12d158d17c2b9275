package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CAP_VARIABLE_FRAME_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_guess_frame_rate;
import static org.bytedeco.ffmpeg.global.avformat.avformat_seek_file;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc;
import static org.bytedeco.ffmpeg.global.swresample.swr_config_frame;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert_frame;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;

import dev.reel.media.ClipCutter;
import java.nio.file.Path;
import java.time.Duration;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swresample.SwrContext;

/**
 * A frame-accurate cut: decodes from the keyframe at or before the start, drops what comes before
 * it, and encodes the range again as H.264 (OpenH264) and AAC, with timestamps from zero. The
 * clip's first picture is the one at the start and its audio starts with the sample at the start.
 */
final class EncodedCut {
  private static final int EAGAIN = AVERROR_EAGAIN();

  private EncodedCut() {}

  static ClipCutter.Result cut(
      Path source, double from, double to, Path target, Path temp, Duration timeout) {
    return cut(source, from, to, target, temp, timeout, null, null);
  }

  /**
   * With a {@code format}, the segment is normalised: letterboxed to its size, its frame rate
   * reached by repeating or dropping pictures (each output picture is the latest source picture at
   * its time), audio resampled to its rate and channels, silence where the source has none; the
   * segment then has exactly {@code round((to - from) x fps)} pictures and as much audio.
   */
  static ClipCutter.Result cut(
      Path source,
      double from,
      double to,
      Path target,
      Path temp,
      Duration timeout,
      dev.reel.media.SegmentFormat format,
      dev.reel.media.Overlay overlay) {
    String file = source.toString();
    try (InterruptDeadline deadline = InterruptDeadline.after(timeout.toNanos());
        FormatContext in = FormatContext.open(file, deadline);
        Packet packet = Packet.allocate();
        Packet outPacket = Packet.allocate();
        Frame frame = Frame.allocate();
        Frame picture = Frame.allocate();
        Frame sound = Frame.allocate()) {
      in.findStreamInfo();
      AVFormatContext ictx = in.raw();
      int[] va = FfmpegClipCutter.videoAndAudio(ictx);
      int video = va[0];
      int audio = va[1];
      if (video < 0 && audio < 0) {
        return new ClipCutter.Result.Failed("no video or audio stream to cut");
      }
      if (format != null && video < 0) {
        return new ClipCutter.Result.Failed("no video stream to render");
      }
      for (int i = 0; i < ictx.nb_streams(); i++) {
        if (i != video && i != audio) {
          ictx.streams(i).discard(org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL);
        }
      }
      double startTime = ictx.start_time() == AV_NOPTS_VALUE ? 0 : ictx.start_time() / 1_000_000.0;
      int seekStream = video >= 0 ? video : audio;
      AVStream ss = ictx.streams(seekStream);
      long ts = Math.round((from + startTime) / q(ss.time_base()));
      avformat_seek_file(ictx, seekStream, Long.MIN_VALUE, ts, ts, AVSEEK_FLAG_BACKWARD);
      try (CodecContext vdec =
              video < 0 ? null : CodecContext.openDecoder(ictx.streams(video).codecpar(), file);
          CodecContext adec =
              audio < 0 ? null : CodecContext.openDecoder(ictx.streams(audio).codecpar(), file);
          OutputContext out =
              OutputContext.forName(target.getFileName().toString(), temp.toString());
          EncoderContext venc = video < 0 ? null : videoEncoder(ictx, video, vdec, format);
          EncoderContext aenc = audio < 0 && format == null ? null : audioEncoder(adec, format);
          Letterbox box =
              format == null ? null : new Letterbox(format.width(), format.height(), file);
          Frame held = Frame.allocate();
          OverlayPainter shown = new OverlayPainter(overlay, file)) {
        if (venc != null) {
          VideoEncoders.open(venc, format, out);
        }
        if (aenc != null) {
          aenc.open(out, null);
        }
        out.start();
        double fps = venc == null ? 0 : 1 / q(venc.raw().time_base());
        long framesOut = 0;
        long samplesOut = 0;
        long slots = format == null ? 0 : Math.round((to - from) * format.fps());
        boolean holding = false;
        if (format != null) {
          held.raw().format(AV_PIX_FMT_YUV420P).width(format.width()).height(format.height());
          FfmpegErrors.check(av_frame_get_buffer(held.raw(), 0), "av_frame_get_buffer", file);
        }
        Scaler scaler = null;
        SwrContext swr = null;
        AudioFifo fifo = null;
        try {
          if (aenc != null) {
            fifo = new AudioFifo(AV_SAMPLE_FMT_FLTP, aenc.raw().ch_layout().nb_channels(), file);
          }
          int frameSize =
              aenc == null
                  ? 0
                  : aenc.raw().frame_size() > 0
                          && (aenc.codec().capabilities() & AV_CODEC_CAP_VARIABLE_FRAME_SIZE) == 0
                      ? aenc.raw().frame_size()
                      : 1024;
          boolean videoDone = venc == null;
          boolean audioDone = aenc == null || audio < 0;
          boolean eof = false;
          while (!(videoDone && audioDone) && !eof) {
            int ret = in.readPacket(packet);
            eof = ret == AVERROR_EOF;
            if (ret < 0 && !eof) {
              return new ClipCutter.Result.Failed(
                  deadline.expired() ? "timed out" : "read error: " + FfmpegErrors.text(ret));
            }
            int si = eof ? -1 : packet.streamIndex();
            for (int s : new int[] {video, audio}) {
              if (s < 0 || (!eof && s != si)) {
                continue;
              }
              CodecContext dec = s == video ? vdec : adec;
              int sent = dec.send(eof ? null : packet.raw());
              if (sent < 0 && sent != EAGAIN && sent != AVERROR_EOF) {
                continue;
              }
              while (dec.receive(frame) >= 0) {
                AVFrame f = frame.raw();
                AVStream st = ictx.streams(s);
                long pts = f.best_effort_timestamp();
                double t = (pts == AV_NOPTS_VALUE ? 0 : pts * q(st.time_base())) - startTime;
                if (s == video && !videoDone && format != null) {
                  double rel = t - from;
                  if (rel >= -0.5 / fps) {
                    // the pictures before this one's time show the held one
                    while (holding && framesOut < slots && (framesOut + 0.5) / fps <= rel) {
                      shown.encode(held.raw(), framesOut++, fps, venc, outPacket, out);
                    }
                    if (framesOut >= slots) {
                      videoDone = true;
                    } else {
                      FfmpegErrors.check(
                          org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable(held.raw()),
                          "av_frame_make_writable",
                          file);
                      box.into(f, held.raw());
                      holding = true;
                    }
                  }
                } else if (s == video && !videoDone) {
                  if (t >= to - 0.5 / fps) {
                    videoDone = true;
                  } else if (t >= from - 0.5 / fps) {
                    AVFrame src = f;
                    if (f.format() != AV_PIX_FMT_YUV420P
                        || f.width() != venc.raw().width()
                        || f.height() != venc.raw().height()) {
                      if (scaler == null) {
                        scaler =
                            Scaler.of(f.width(), f.height(), f.format(), AV_PIX_FMT_YUV420P, file);
                      }
                      picture.unref();
                      picture
                          .raw()
                          .format(AV_PIX_FMT_YUV420P)
                          .width(venc.raw().width())
                          .height(venc.raw().height());
                      FfmpegErrors.check(
                          av_frame_get_buffer(picture.raw(), 0), "av_frame_get_buffer", file);
                      scaler.scale(f, picture.raw());
                      src = picture.raw();
                    }
                    src.pts(framesOut++);
                    src.pict_type(0);
                    venc.encode(src, outPacket, out);
                  }
                } else if (s == audio && !audioDone) {
                  if (swr == null) {
                    swr = swr_alloc();
                    sound.raw().format(AV_SAMPLE_FMT_FLTP).sample_rate(aenc.raw().sample_rate());
                    av_channel_layout_copy(sound.raw().ch_layout(), aenc.raw().ch_layout());
                    FfmpegErrors.check(
                        swr_config_frame(swr, sound.raw(), f), "swr_config_frame", file);
                  }
                  sound.unref();
                  sound.raw().format(AV_SAMPLE_FMT_FLTP).sample_rate(aenc.raw().sample_rate());
                  av_channel_layout_copy(sound.raw().ch_layout(), aenc.raw().ch_layout());
                  FfmpegErrors.check(
                      swr_convert_frame(swr, sound.raw(), f), "swr_convert_frame", file);
                  int n = sound.raw().nb_samples();
                  int rate = aenc.raw().sample_rate();
                  long first = Math.round(t * rate);
                  long wantFrom = Math.round(from * rate);
                  long wantTo = Math.round(to * rate);
                  long keepFrom = Math.max(first, wantFrom);
                  long keepTo = Math.min(first + n, wantTo);
                  if (keepTo > keepFrom) {
                    fifo.write(sound.raw(), (int) (keepTo - first));
                    fifo.drain((int) (keepFrom - first));
                  }
                  if (first + n >= wantTo) {
                    audioDone = true;
                  }
                  samplesOut =
                      drain(fifo, aenc, frameSize, samplesOut, false, outPacket, out, file);
                }
                frame.unref();
              }
            }
            packet.unref();
          }
          if (format != null) {
            while (holding && framesOut < slots) {
              shown.encode(held.raw(), framesOut++, fps, venc, outPacket, out);
            }
            // audio as long as the pictures: silence for what the source did not give
            long total = Math.round(framesOut / fps * aenc.raw().sample_rate());
            long pending = samplesOut + fifo.size();
            if (pending < total) {
              silence(fifo, aenc, (int) (total - pending), file);
            }
          }
          if (aenc != null) {
            samplesOut = drain(fifo, aenc, frameSize, samplesOut, true, outPacket, out, file);
            aenc.encode(null, outPacket, out);
          }
          if (venc != null) {
            venc.encode(null, outPacket, out);
          }
          if (framesOut == 0 && samplesOut == 0) {
            return new ClipCutter.Result.Failed(
                "nothing to cut between " + from + "s and " + to + "s");
          }
          out.finish();
          double end =
              venc != null
                  ? from + framesOut / fps
                  : from + samplesOut / (double) aenc.raw().sample_rate();
          return new ClipCutter.Result.Cut(target, from, Math.min(end, to));
        } finally {
          if (scaler != null) {
            scaler.close();
          }
          if (swr != null) {
            swr_free(swr);
          }
          if (fifo != null) {
            fifo.close();
          }
        }
      }
    } catch (FfmpegException e) {
      return new ClipCutter.Result.Failed(e.reasonAndFunction());
    }
  }

  /** Appends {@code count} samples of silence to the fifo. */
  private static void silence(AudioFifo fifo, EncoderContext enc, int count, String file) {
    AVCodecContext c = enc.raw();
    try (Frame f = Frame.allocate()) {
      AVFrame raw = f.raw();
      raw.format(c.sample_fmt()).sample_rate(c.sample_rate()).nb_samples(count);
      av_channel_layout_copy(raw.ch_layout(), c.ch_layout());
      FfmpegErrors.check(av_frame_get_buffer(raw, 0), "av_frame_get_buffer", file);
      org.bytedeco.ffmpeg.global.avutil.av_samples_set_silence(
          raw.extended_data(), 0, count, c.ch_layout().nb_channels(), c.sample_fmt());
      fifo.write(raw, count);
    }
  }

  /** Encodes whole frames of the fifo (and, at the end, the rest); returns samples encoded. */
  private static long drain(
      AudioFifo fifo,
      EncoderContext enc,
      int frameSize,
      long samplesOut,
      boolean last,
      Packet packet,
      OutputContext out,
      String file) {
    AVCodecContext c = enc.raw();
    while (fifo.size() >= frameSize || last && fifo.size() > 0) {
      int n = Math.min(frameSize, fifo.size());
      try (Frame f = Frame.allocate()) {
        AVFrame raw = f.raw();
        raw.format(c.sample_fmt()).sample_rate(c.sample_rate()).nb_samples(n);
        av_channel_layout_copy(raw.ch_layout(), c.ch_layout());
        FfmpegErrors.check(av_frame_get_buffer(raw, 0), "av_frame_get_buffer", file);
        fifo.read(raw, n);
        raw.pts(samplesOut);
        samplesOut += n;
        enc.encode(raw, packet, out);
      }
    }
    return samplesOut;
  }

  static EncoderContext videoEncoder(
      AVFormatContext ictx, int video, CodecContext dec, dev.reel.media.SegmentFormat format) {
    dev.reel.media.VideoEncoding how =
        format != null ? format.video() : dev.reel.media.VideoEncoding.DEFAULT;
    EncoderContext enc = VideoEncoders.allocate(how);
    AVCodecContext c = enc.raw();
    AVRational fr =
        format != null
            ? new AVRational().num(format.fpsNum()).den(format.fpsDen())
            : av_guess_frame_rate(ictx, ictx.streams(video), null);
    if (fr.num() <= 0 || fr.den() <= 0) {
      fr = new AVRational().num(25).den(1);
    }
    int w = format != null ? format.width() : dec.raw().width() / 2 * 2;
    int h = format != null ? format.height() : dec.raw().height() / 2 * 2;
    c.width(w);
    c.height(h);
    c.pix_fmt(AV_PIX_FMT_YUV420P);
    c.time_base(new AVRational().num(fr.den()).den(fr.num()));
    c.framerate(fr);
    c.gop_size((int) Math.max(1, Math.round(fr.num() / (double) fr.den()) * 2));
    c.max_b_frames(0);
    VideoEncoders.rate(enc, how, Math.max(500_000L, (long) w * h * 4));
    c.thread_count(1);
    return enc;
  }

  private static EncoderContext audioEncoder(
      CodecContext dec, dev.reel.media.SegmentFormat format) {
    EncoderContext enc = EncoderContext.allocate(AV_CODEC_ID_AAC, "AAC");
    AVCodecContext c = enc.raw();
    c.sample_fmt(AV_SAMPLE_FMT_FLTP);
    int rate =
        format != null
            ? format.sampleRate()
            : dec.raw().sample_rate() > 0 ? dec.raw().sample_rate() : 48_000;
    c.sample_rate(rate);
    int channels =
        format != null
            ? format.channels()
            : Math.max(1, Math.min(2, dec.raw().ch_layout().nb_channels()));
    av_channel_layout_default(c.ch_layout(), channels);
    c.bit_rate(128_000L);
    c.time_base(new AVRational().num(1).den(rate));
    c.thread_count(1);
    return enc;
  }

  private static double q(AVRational r) {
    return r.num() / (double) r.den();
  }
}
