package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc;
import static org.bytedeco.ffmpeg.global.swresample.swr_config_frame;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert_frame;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;

/**
 * Decodes one audio stream to 48 kHz stereo float samples in Java arrays (mono is spread to both
 * channels, more channels are downmixed by swresample). Close frees the decoder and resampler.
 */
final class StereoDecoder implements AutoCloseable {
  static final int RATE = 48_000;
  private static final int EAGAIN = AVERROR_EAGAIN();

  /** Receives {@code count} samples per channel. */
  @FunctionalInterface
  interface Sink {
    void accept(float[] left, float[] right, int count);
  }

  private final CodecContext decoder;
  private final Frame decoded = Frame.allocate();
  private final Frame converted = Frame.allocate();
  private final String file;
  private SwrContext swr;
  private float[] left = new float[4096];
  private float[] right = new float[4096];

  StereoDecoder(AVCodecParameters par, String file) {
    this.file = file;
    this.decoder = CodecContext.openDecoder(par, file);
  }

  /** Decodes {@code packet} (null: flush) and hands out what comes of it. */
  void decode(AVPacket packet, Sink sink) {
    int ret = decoder.send(packet);
    if (ret < 0 && ret != EAGAIN && ret != AVERROR_EOF) {
      return; // a damaged packet: skipped, as players do
    }
    while (decoder.receive(decoded) >= 0) {
      if (swr == null) {
        swr = swr_alloc();
        shape();
        FfmpegErrors.check(
            swr_config_frame(swr, converted.raw(), decoded.raw()), "swr_config_frame", file);
      }
      converted.unref();
      shape();
      FfmpegErrors.check(
          swr_convert_frame(swr, converted.raw(), decoded.raw()), "swr_convert_frame", file);
      int n = converted.raw().nb_samples();
      if (n > left.length) {
        left = new float[n];
        right = new float[n];
      }
      new FloatPointer(converted.raw().extended_data(0)).get(left, 0, n);
      new FloatPointer(converted.raw().extended_data(1)).get(right, 0, n);
      sink.accept(left, right, n);
      decoded.unref();
    }
  }

  /** Forgets buffered state after a seek. */
  void reset() {
    org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers(decoder.raw());
  }

  private void shape() {
    converted.raw().format(AV_SAMPLE_FMT_FLTP).sample_rate(RATE);
    av_channel_layout_default(converted.raw().ch_layout(), 2);
  }

  @Override
  public void close() {
    if (swr != null) {
      swr_free(swr);
      swr = null;
    }
    converted.close();
    decoded.close();
    decoder.close();
  }
}
