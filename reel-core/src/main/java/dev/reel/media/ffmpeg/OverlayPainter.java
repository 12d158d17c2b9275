package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;

import dev.reel.media.Overlay;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * Encodes a segment's pictures with an {@link Overlay} laid over those it covers: such a picture is
 * copied and blended (the original is left alone, since it may be shown again), the others go to
 * the encoder as they are. Without an overlay it only numbers and encodes.
 */
final class OverlayPainter implements AutoCloseable {
  private final Overlay overlay;
  private final String file;
  private final Frame scratch = Frame.allocate();
  private byte[] row = new byte[0];
  private boolean allocated;

  OverlayPainter(Overlay overlay, String file) {
    this.overlay = overlay;
    this.file = file;
  }

  /** Encodes {@code picture} as picture number {@code index} of the segment. */
  void encode(
      AVFrame picture,
      long index,
      double fps,
      EncoderContext enc,
      Packet packet,
      OutputContext out) {
    double opacity = overlay == null ? 0 : overlay.opacity(index / fps);
    if (opacity <= 0) {
      picture.pts(index);
      enc.encode(picture, packet, out);
      return;
    }
    AVFrame s = scratch.raw();
    if (!allocated) {
      s.format(picture.format()).width(picture.width()).height(picture.height());
      FfmpegErrors.check(av_frame_get_buffer(s, 0), "av_frame_get_buffer", file);
      allocated = true;
    }
    FfmpegErrors.check(av_frame_make_writable(s), "av_frame_make_writable", file);
    FfmpegErrors.check(av_frame_copy(s, picture), "av_frame_copy", file);
    int k = (int) Math.round(opacity * 256);
    paint(
        s.data(0),
        s.linesize(0),
        overlay.width(),
        overlay.height(),
        overlay.y(),
        overlay.alpha(),
        k);
    int hw = overlay.width() / 2;
    int hh = overlay.height() / 2;
    paint(s.data(1), s.linesize(1), hw, hh, overlay.u(), overlay.alphaHalf(), k);
    paint(s.data(2), s.linesize(2), hw, hh, overlay.v(), overlay.alphaHalf(), k);
    s.pts(index);
    enc.encode(s, packet, out);
  }

  private void paint(BytePointer plane, int stride, int w, int h, byte[] src, byte[] alpha, int k) {
    if (row.length < w) {
      row = new byte[w];
    }
    for (int y = 0; y < h; y++) {
      int at = y * w;
      boolean any = false;
      for (int x = 0; x < w && !any; x++) {
        any = alpha[at + x] != 0;
      }
      if (!any) {
        continue; // most rows of a title card are clear
      }
      plane.position((long) y * stride).get(row, 0, w);
      for (int x = 0; x < w; x++) {
        int a = ((alpha[at + x] & 0xff) * k) >> 8;
        if (a != 0) {
          row[x] = (byte) (((row[x] & 0xff) * (255 - a) + (src[at + x] & 0xff) * a + 127) / 255);
        }
      }
      plane.position((long) y * stride).put(row, 0, w);
    }
    plane.position(0);
  }

  @Override
  public void close() {
    scratch.close();
  }
}
