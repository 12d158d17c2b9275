package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Owns a {@code SwrContext} that turns decoded frames into mono float samples at one rate, and the
 * native buffer they land in; {@link #close()} calls swr_free and frees the buffer.
 */
final class Resampler implements AutoCloseable {
  private SwrContext swr;
  private FloatPointer out;
  private PointerPointer<FloatPointer> outPlanes;
  private int capacity;
  private final String file;

  private Resampler(SwrContext swr, String file) {
    this.swr = swr;
    this.file = file;
  }

  /** A resampler from a frame's layout, format and rate to mono float at {@code outRate}. */
  static Resampler toMono(AVFrame like, int outRate, String file) {
    AVChannelLayout mono = new AVChannelLayout();
    try {
      av_channel_layout_default(mono, 1);
      // a null context: swr_alloc_set_opts2 allocates one and JavaCPP sets its address here
      SwrContext s = new SwrContext((org.bytedeco.javacpp.Pointer) null);
      FfmpegErrors.check(
          swr_alloc_set_opts2(
              s,
              mono,
              AV_SAMPLE_FMT_FLT,
              outRate,
              like.ch_layout(),
              like.format(),
              like.sample_rate(),
              0,
              null),
          "swr_alloc_set_opts2",
          file);
      Resampler r = new Resampler(s, file);
      try {
        FfmpegErrors.check(swr_init(s), "swr_init", file);
        return r;
      } catch (RuntimeException e) {
        r.close();
        throw e;
      }
    } finally {
      av_channel_layout_uninit(mono);
      mono.close();
    }
  }

  /**
   * Converts a frame (or, with null, flushes what the resampler holds) into {@code into}, growing
   * it when needed; returns the number of samples written.
   */
  int convert(AVFrame frame, float[][] into, int outRate) {
    int inSamples = frame == null ? 0 : frame.nb_samples();
    int inRate = frame == null ? outRate : Math.max(1, frame.sample_rate());
    int need = (int) ((long) inSamples * outRate / inRate) + 256;
    if (need > capacity) {
      if (out != null) {
        outPlanes.close();
        out.close();
      }
      capacity = need;
      out = new FloatPointer(capacity);
      outPlanes = new PointerPointer<>(1);
      outPlanes.put(0, out);
    }
    int n =
        swr_convert(
            swr, outPlanes, capacity, frame == null ? null : frame.extended_data(), inSamples);
    FfmpegErrors.check(n, "swr_convert", file);
    if (into[0].length < n) {
      into[0] = new float[Math.max(n, into[0].length * 2)];
    }
    out.get(into[0], 0, n);
    return n;
  }

  @Override
  public void close() {
    if (swr != null) {
      swr_free(swr);
      swr = null;
    }
    if (out != null) {
      outPlanes.close();
      out.close();
      out = null;
    }
  }
}
