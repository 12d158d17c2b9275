package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.Pointer;

/**
 * Fits pictures into one output size without stretching: scaled to the largest size of their own
 * shape that fits, centred, the rest black (YUV 16/128/128). Owns its scaler and its scaled frame.
 */
final class Letterbox implements AutoCloseable {
  private final int outW;
  private final int outH;
  private final String file;
  private Scaler scaler;
  private Frame scaled;
  private int inW = -1;
  private int inH = -1;
  private int inFormat = -1;
  private int fitW;
  private int fitH;

  Letterbox(int outW, int outH, String file) {
    this.outW = outW;
    this.outH = outH;
    this.file = file;
  }

  /** Writes {@code in}, fitted and centred, into {@code out} (yuv420p, outW x outH, writable). */
  void into(AVFrame in, AVFrame out) {
    if (in.width() != inW || in.height() != inH || in.format() != inFormat) {
      setUp(in);
    }
    AVFrame s = scaled.raw();
    scaler.scale(in, s);
    int x = (outW - fitW) / 2 / 2 * 2;
    int y = (outH - fitH) / 2 / 2 * 2;
    for (int plane = 0; plane < 3; plane++) {
      int shift = plane == 0 ? 0 : 1;
      int fill = plane == 0 ? 16 : 128;
      int rows = outH >> shift;
      int dstLine = out.linesize(plane);
      Pointer dst = out.data(plane);
      Pointer.memset(dst, fill, (long) dstLine * rows);
      int srcLine = s.linesize(plane);
      int copyRows = fitH >> shift;
      int copyBytes = fitW >> shift;
      for (int r = 0; r < copyRows; r++) {
        Pointer.memcpy(
            out.data(plane).position((long) ((y >> shift) + r) * dstLine + (x >> shift)),
            s.data(plane).position((long) r * srcLine),
            copyBytes);
      }
    }
  }

  private void setUp(AVFrame in) {
    close();
    inW = in.width();
    inH = in.height();
    inFormat = in.format();
    double scale = Math.min(outW / (double) inW, outH / (double) inH);
    fitW = Math.max(2, (int) Math.round(inW * scale) / 2 * 2);
    fitH = Math.max(2, (int) Math.round(inH * scale) / 2 * 2);
    fitW = Math.min(fitW, outW);
    fitH = Math.min(fitH, outH);
    scaler = Scaler.of(inW, inH, inFormat, fitW, fitH, AV_PIX_FMT_YUV420P, file);
    scaled = Frame.allocate();
    scaled.raw().format(AV_PIX_FMT_YUV420P).width(fitW).height(fitH);
    FfmpegErrors.check(av_frame_get_buffer(scaled.raw(), 0), "av_frame_get_buffer", file);
  }

  @Override
  public void close() {
    if (scaler != null) {
      scaler.close();
      scaler = null;
    }
    if (scaled != null) {
      scaled.close();
      scaled = null;
    }
  }
}
