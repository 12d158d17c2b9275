package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.FloatPointer;

/**
 * An AAC track of 48 kHz stereo fed with float samples from Java: samples are gathered into
 * 1024-sample frames and encoded as they fill. Create it before the output's header is written;
 * {@link #finish} encodes the rest and flushes the encoder.
 */
final class StereoAacWriter implements AutoCloseable {
  static final int FRAME = 1024;
  private final EncoderContext aac = EncoderContext.allocate(AV_CODEC_ID_AAC, "AAC");
  private final Frame frame = Frame.allocate();
  private final Packet packet = Packet.allocate();
  private final OutputContext out;
  private final String file;
  private final float[] left = new float[FRAME];
  private final float[] right = new float[FRAME];
  private int filled;
  private long written;

  StereoAacWriter(OutputContext out, long bitRate, String file) {
    this.out = out;
    this.file = file;
    AVCodecContext c = aac.raw();
    c.sample_fmt(AV_SAMPLE_FMT_FLTP);
    c.sample_rate(StereoDecoder.RATE);
    av_channel_layout_default(c.ch_layout(), 2);
    c.bit_rate(bitRate);
    c.time_base(new AVRational().num(1).den(StereoDecoder.RATE));
    c.thread_count(1);
    aac.open(out, null);
  }

  /** Samples handed to the encoder so far (written or waiting in the current frame). */
  long samples() {
    return written + filled;
  }

  /** Adds one sample per channel (clipped to [-1, 1]). */
  void add(float l, float r) {
    left[filled] = Math.max(-1f, Math.min(1f, l));
    right[filled] = Math.max(-1f, Math.min(1f, r));
    if (++filled == FRAME) {
      flush();
    }
  }

  private void flush() {
    if (filled == 0) {
      return;
    }
    AVFrame f = frame.raw();
    frame.unref();
    f.format(AV_SAMPLE_FMT_FLTP).sample_rate(StereoDecoder.RATE).nb_samples(filled);
    av_channel_layout_default(f.ch_layout(), 2);
    FfmpegErrors.check(av_frame_get_buffer(f, 0), "av_frame_get_buffer", file);
    new FloatPointer(f.extended_data(0)).put(left, 0, filled);
    new FloatPointer(f.extended_data(1)).put(right, 0, filled);
    f.pts(written);
    aac.encode(f, packet, out);
    written += filled;
    filled = 0;
  }

  /** Encodes what is left and drains the encoder. */
  void finish() {
    flush();
    aac.encode(null, packet, out);
  }

  @Override
  public void close() {
    packet.close();
    frame.close();
    aac.close();
  }
}
