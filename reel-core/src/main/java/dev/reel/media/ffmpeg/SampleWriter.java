package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CAP_SMALL_LAST_FRAME;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CAP_VARIABLE_FRAME_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CONFIG_SAMPLE_FORMAT;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_supported_config;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S32;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S32P;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_sample_fmt_is_planar;

import dev.reel.media.EncodeSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Set;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Pulls mono samples from a track's source, writes them to every channel in the encoder's own
 * sample format (no resampler needed: the samples are made at the right rate) and encodes them in
 * frames of the encoder's frame size.
 */
final class SampleWriter implements AutoCloseable {
  private static final Set<Integer> WRITABLE =
      Set.of(
          AV_SAMPLE_FMT_FLTP,
          AV_SAMPLE_FMT_FLT,
          AV_SAMPLE_FMT_S16,
          AV_SAMPLE_FMT_S16P,
          AV_SAMPLE_FMT_S32,
          AV_SAMPLE_FMT_S32P);
  private final EncoderContext encoder;
  private final EncodeSpec.AudioTrack track;
  private final Frame frame;
  private final int frameSize;
  private final boolean shortLastFrame;
  private final float[] mono;
  private long written;

  SampleWriter(EncoderContext encoder, EncodeSpec.AudioTrack track) {
    this.encoder = encoder;
    this.track = track;
    int size = encoder.raw().frame_size();
    boolean variable = (encoder.codec().capabilities() & AV_CODEC_CAP_VARIABLE_FRAME_SIZE) != 0;
    this.frameSize = size <= 0 || variable ? 4096 : size;
    this.shortLastFrame =
        size <= 0
            || variable
            || (encoder.codec().capabilities() & AV_CODEC_CAP_SMALL_LAST_FRAME) != 0;
    this.mono = new float[frameSize];
    this.frame = Frame.allocate();
    AVFrame f = frame.raw();
    f.format(encoder.raw().sample_fmt());
    f.sample_rate(track.sampleRate());
    f.nb_samples(frameSize);
    FfmpegErrors.check(
        av_channel_layout_copy(f.ch_layout(), encoder.raw().ch_layout()),
        "av_channel_layout_copy",
        "audio");
    FfmpegErrors.check(av_frame_get_buffer(f, 0), "av_frame_get_buffer", "audio");
  }

  /** The first sample format of the codec that this writer can fill. */
  static int chooseFormat(AVCodec codec) {
    try (PointerPointer<?> list = new PointerPointer<>(1);
        IntPointer count = new IntPointer(1)) {
      int ret =
          avcodec_get_supported_config(null, codec, AV_CODEC_CONFIG_SAMPLE_FORMAT, 0, list, count);
      if (ret < 0 || list.get(0) == null || count.get() == 0) {
        return AV_SAMPLE_FMT_FLTP; // the encoder accepts any format
      }
      IntPointer formats = new IntPointer(list.get(0));
      for (int i = 0; i < count.get(); i++) {
        if (WRITABLE.contains(formats.get(i))) {
          return formats.get(i);
        }
      }
    }
    throw new IllegalArgumentException(
        "no usable sample format for encoder " + codec.name().getString());
  }

  /** Encodes samples until sample index {@code end}, in whole encoder frames. */
  void writeUntil(long end, Packet packet, OutputContext out) {
    while (end - written >= frameSize) {
      writeFrame(frameSize, packet, out);
    }
  }

  /** Encodes the remaining partial frame, if any, and drains the encoder. */
  void flush(Packet packet, OutputContext out) {
    encoder.encode(null, packet, out);
  }

  /**
   * Writes the samples that did not fill a whole frame: as a short frame where the encoder allows
   * one, else as a whole frame (the track then runs to the end of that frame).
   */
  void finishPartial(long end, Packet packet, OutputContext out) {
    if (end > written) {
      writeFrame(shortLastFrame ? (int) (end - written) : frameSize, packet, out);
    }
  }

  private void writeFrame(int n, Packet packet, OutputContext out) {
    AVFrame f = frame.raw();
    FfmpegErrors.check(av_frame_make_writable(f), "av_frame_make_writable", out.file());
    f.nb_samples(n);
    track.source().fill(written, mono, n, track.sampleRate());
    int fmt = f.format();
    int channels = track.channels();
    boolean planar = av_sample_fmt_is_planar(fmt) != 0;
    int bytes = fmt == AV_SAMPLE_FMT_S16 || fmt == AV_SAMPLE_FMT_S16P ? 2 : 4;
    for (int p = 0; p < (planar ? channels : 1); p++) {
      int perPlane = planar ? 1 : channels;
      ByteBuffer buf =
          f.data(p)
              .capacity((long) n * perPlane * bytes)
              .asByteBuffer()
              .order(ByteOrder.nativeOrder());
      for (int i = 0; i < n; i++) {
        float s = mono[i];
        for (int c = 0; c < perPlane; c++) {
          switch (fmt) {
            case AV_SAMPLE_FMT_S16, AV_SAMPLE_FMT_S16P ->
                buf.putShort((short) Math.round(s * 32767f));
            case AV_SAMPLE_FMT_S32, AV_SAMPLE_FMT_S32P ->
                buf.putInt((int) Math.round(s * 2147483647.0));
            default -> buf.putFloat(s);
          }
        }
      }
    }
    f.pts(written);
    written += n;
    encoder.encode(f, packet, out);
  }

  @Override
  public void close() {
    frame.close();
  }
}
