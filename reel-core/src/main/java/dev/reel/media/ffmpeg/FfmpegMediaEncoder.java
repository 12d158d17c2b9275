package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AC3;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_FLAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MP2;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MP3;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG2VIDEO;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_OPUS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_S16LE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VORBIS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VP9;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_new;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_BT2020;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT2020_NCL;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_ARIB_STD_B67;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_SMPTE2084;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_set;

import dev.reel.media.EncodeSpec;
import dev.reel.media.HdrTransfer;
import dev.reel.media.MediaEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.IntPointer;

/**
 * Encodes synthetic media with FFmpeg's encoders and muxers, in-process: a moving test picture
 * ({@link PictureWriter}) and audio pulled from a {@link dev.reel.media.PcmSource} ({@link
 * SampleWriter}), interleaved by time. Used to make test and benchmark media.
 */
public final class FfmpegMediaEncoder implements MediaEncoder {
  private static final Map<String, Integer> VIDEO_CODECS =
      Map.of(
          "h264", AV_CODEC_ID_H264,
          "mpeg4", AV_CODEC_ID_MPEG4,
          "mpeg2video", AV_CODEC_ID_MPEG2VIDEO,
          "vp9", AV_CODEC_ID_VP9);
  private static final Map<String, Integer> AUDIO_CODECS =
      Map.of(
          "aac", AV_CODEC_ID_AAC,
          "mp3", AV_CODEC_ID_MP3,
          "opus", AV_CODEC_ID_OPUS,
          "vorbis", AV_CODEC_ID_VORBIS,
          "flac", AV_CODEC_ID_FLAC,
          "ac3", AV_CODEC_ID_AC3,
          "mp2", AV_CODEC_ID_MP2,
          "pcm_s16le", AV_CODEC_ID_PCM_S16LE);

  public FfmpegMediaEncoder() {
    FfmpegLibrary.load();
  }

  @Override
  public void encode(EncodeSpec spec) {
    if (Files.exists(spec.target())) {
      throw new IllegalArgumentException("will not overwrite existing file " + spec.target());
    }
    String file = spec.target().toString();
    boolean done = false;
    try (OutputContext out = OutputContext.create(spec.container(), file);
        EncoderContext venc = spec.video() == null ? null : videoEncoder(spec.video());
        EncoderContext aenc = spec.audio() == null ? null : audioEncoder(spec.audio());
        Packet packet = Packet.allocate()) {
      if (venc != null) {
        AVStream st = venc.open(out, null);
        st.avg_frame_rate(venc.raw().framerate()); // Matroska writes DefaultDuration from it
        st.r_frame_rate(venc.raw().framerate());
        tagStream(st, spec.video().language(), spec.video().title());
        rotate(st.codecpar(), spec.video().rotationDegrees());
      }
      if (aenc != null) {
        AVStream st = aenc.open(out, null);
        tagStream(st, spec.audio().language(), spec.audio().title());
      }
      SubtitleWriter subtitles = new SubtitleWriter(out, spec.container(), spec.subtitles());
      out.addChapters(spec.chapters(), spec.durationSeconds());
      if (!spec.metadata().isEmpty()) {
        AVDictionary dict = new AVDictionary(null);
        spec.metadata().forEach((k, v) -> av_dict_set(dict, k, v, 0));
        out.setMetadata(dict);
      }
      out.start();
      subtitles.writeCues(spec.durationSeconds(), packet);
      interleave(spec, out, venc, aenc, packet);
      out.finish();
      done = true;
    } catch (FfmpegException e) {
      throw new IllegalArgumentException("cannot encode " + file + ": " + e.getMessage(), e);
    } finally {
      if (!done) {
        deletePartial(spec);
      }
    }
  }

  private static void interleave(
      EncodeSpec spec, OutputContext out, EncoderContext venc, EncoderContext aenc, Packet packet) {
    try (PictureWriter pictures = venc == null ? null : new PictureWriter(venc, spec.video());
        SampleWriter samples = aenc == null ? null : new SampleWriter(aenc, spec.audio())) {
      long audioEnd =
          samples == null ? 0 : Math.round(spec.durationSeconds() * spec.audio().sampleRate());
      if (pictures == null) {
        samples.writeUntil(audioEnd, packet, out);
      } else {
        double fps = spec.video().frameRate();
        long frames = Math.max(1, Math.round(spec.durationSeconds() * fps));
        for (long i = 0; i < frames; i++) {
          pictures.write(i, packet, out);
          if (samples != null) {
            long until = Math.min(audioEnd, Math.round((i + 1) / fps * spec.audio().sampleRate()));
            samples.writeUntil(until, packet, out);
          }
        }
        if (samples != null) {
          samples.writeUntil(audioEnd, packet, out);
        }
        venc.encode(null, packet, out);
      }
      if (samples != null) {
        samples.finishPartial(audioEnd, packet, out);
        samples.flush(packet, out);
      }
    }
  }

  private static EncoderContext videoEncoder(EncodeSpec.VideoTrack v) {
    Integer id = VIDEO_CODECS.get(v.codec());
    if (id == null) {
      throw new IllegalArgumentException(
          "unknown video codec '" + v.codec() + "' (known: " + VIDEO_CODECS.keySet() + ")");
    }
    EncoderContext enc = EncoderContext.allocate(id, v.codec());
    AVCodecContext c = enc.raw();
    AVRational tb = rational(v.frameRate());
    c.width(v.width());
    c.height(v.height());
    c.pix_fmt(AV_PIX_FMT_YUV420P);
    c.time_base(new AVRational().num(tb.den()).den(tb.num()));
    c.framerate(tb);
    c.gop_size((int) Math.max(1, Math.round(v.frameRate())));
    c.max_b_frames(0);
    c.bit_rate(Math.max(50_000L, (long) v.width() * v.height() * 2));
    c.thread_count(1);
    if (v.hdr() != HdrTransfer.NONE) {
      c.color_trc(v.hdr() == HdrTransfer.PQ ? AVCOL_TRC_SMPTE2084 : AVCOL_TRC_ARIB_STD_B67);
      c.color_primaries(AVCOL_PRI_BT2020);
      c.colorspace(AVCOL_SPC_BT2020_NCL);
    }
    if (v.codec().equals("vp9")) {
      org.bytedeco.ffmpeg.global.avutil.av_opt_set(c.priv_data(), "deadline", "realtime", 0);
      org.bytedeco.ffmpeg.global.avutil.av_opt_set(c.priv_data(), "cpu-used", "8", 0);
    }
    return enc;
  }

  private static EncoderContext audioEncoder(EncodeSpec.AudioTrack a) {
    Integer id = AUDIO_CODECS.get(a.codec());
    if (id == null) {
      throw new IllegalArgumentException(
          "unknown audio codec '" + a.codec() + "' (known: " + AUDIO_CODECS.keySet() + ")");
    }
    EncoderContext enc = EncoderContext.allocate(id, a.codec());
    AVCodecContext c = enc.raw();
    c.sample_fmt(SampleWriter.chooseFormat(enc.codec()));
    c.sample_rate(a.sampleRate());
    org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default(c.ch_layout(), a.channels());
    c.bit_rate(64_000L * Math.min(a.channels(), 2));
    c.time_base(new AVRational().num(1).den(a.sampleRate()));
    c.thread_count(1);
    return enc;
  }

  /** The frame rate as a fraction: 25 -> 25/1, 29.97 -> 30000/1001, 23.976 -> 24000/1001. */
  static AVRational rational(double fps) {
    long rounded = Math.round(fps);
    if (Math.abs(fps - rounded) < 1e-6) {
      return new AVRational().num((int) rounded).den(1);
    }
    long ntsc = Math.round(fps * 1.001);
    if (Math.abs(fps - ntsc / 1.001) < 1e-3) {
      return new AVRational().num((int) ntsc * 1000).den(1001);
    }
    return new AVRational().num((int) Math.round(fps * 1000)).den(1000);
  }

  private static void tagStream(AVStream st, String language, String title) {
    if (language == null && title == null) {
      return;
    }
    AVDictionary dict = new AVDictionary(null);
    if (language != null) {
      av_dict_set(dict, "language", language, 0);
    }
    if (title != null) {
      av_dict_set(dict, "title", title, 0);
    }
    st.metadata(dict);
  }

  private static void rotate(AVCodecParameters par, int clockwiseDegrees) {
    if (clockwiseDegrees == 0) {
      return;
    }
    AVPacketSideData list = par.coded_side_data();
    try (IntPointer count = new IntPointer(1)) {
      count.put(0, par.nb_coded_side_data());
      AVPacketSideData sd =
          av_packet_side_data_new(list, count, AV_PKT_DATA_DISPLAYMATRIX, 9 * 4, 0);
      if (sd == null || sd.isNull()) {
        throw new OutOfMemoryError("av_packet_side_data_new failed");
      }
      par.coded_side_data(list);
      par.nb_coded_side_data(count.get(0));
      // av_display_rotation_set takes a clockwise angle; av_display_rotation_get returns the
      // counter-clockwise one, which is why StreamReader negates it.
      av_display_rotation_set(new IntPointer(sd.data()), clockwiseDegrees);
    }
  }

  private static void deletePartial(EncodeSpec spec) {
    try {
      Files.deleteIfExists(spec.target()); // only the file this encoder was creating
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
