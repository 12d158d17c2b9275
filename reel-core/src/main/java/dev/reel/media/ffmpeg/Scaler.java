package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale_frame;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;

/** Owns a {@code SwsContext} converting pictures to one size and pixel format; close frees it. */
final class Scaler implements AutoCloseable {
  private SwsContext sws;
  private final String file;

  private Scaler(SwsContext sws, String file) {
    this.sws = sws;
    this.file = file;
  }

  static Scaler of(int w, int h, int fromFormat, int toFormat, String file) {
    return of(w, h, fromFormat, w, h, toFormat, file);
  }

  /** A scaler from one size and format to another. */
  static Scaler of(int w, int h, int fromFormat, int outW, int outH, int toFormat, String file) {
    SwsContext s =
        sws_getContext(
            w, h, fromFormat, outW, outH, toFormat, SWS_BILINEAR, null, null, (DoublePointer) null);
    if (s == null) {
      throw new FfmpegException(-1, "cannot convert the picture format", "sws_getContext", file);
    }
    return new Scaler(s, file);
  }

  /** Converts {@code in} into {@code out} (whose format, width and height are set). */
  void scale(AVFrame in, AVFrame out) {
    FfmpegErrors.check(sws_scale_frame(sws, out, in), "sws_scale_frame", file);
  }

  @Override
  public void close() {
    if (sws != null) {
      sws_freeContext(sws);
      sws = null;
    }
  }
}
