package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;

import dev.reel.media.EncodeSpec;
import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Draws a moving YUV 4:2:0 test picture into a frame and encodes it: diagonal luma bands that shift
 * every frame, chroma tinted by the seed, so that consecutive frames differ and files with
 * different seeds differ.
 */
final class PictureWriter implements AutoCloseable {
  private final EncoderContext encoder;
  private final EncodeSpec.VideoTrack track;
  private final Frame frame;
  private final byte[] row;

  PictureWriter(EncoderContext encoder, EncodeSpec.VideoTrack track) {
    this.encoder = encoder;
    this.track = track;
    this.frame = Frame.allocate();
    AVFrame f = frame.raw();
    f.format(encoder.raw().pix_fmt());
    f.width(track.width());
    f.height(track.height());
    FfmpegErrors.check(av_frame_get_buffer(f, 0), "av_frame_get_buffer", "picture");
    this.row = new byte[track.width()];
  }

  void write(long index, Packet packet, OutputContext out) {
    AVFrame f = frame.raw();
    FfmpegErrors.check(av_frame_make_writable(f), "av_frame_make_writable", out.file());
    long seed = track.seed();
    int w = track.width();
    int h = track.height();
    int shift = (int) ((index * 3 + seed) & 0xFF);
    int period = 16 + Math.floorMod(seed, 48);
    ByteBuffer y = plane(f, 0, h);
    for (int j = 0; j < h; j++) {
      for (int x = 0; x < w; x++) {
        row[x] = (byte) (16 + ((x + j + shift) % period) * 219 / period);
      }
      y.put(j * f.linesize(0), row, 0, w);
    }
    fillPlane(plane(f, 1, h / 2), f.linesize(1), w / 2, h / 2, 64 + Math.floorMod(seed * 37, 128));
    fillPlane(
        plane(f, 2, h / 2),
        f.linesize(2),
        w / 2,
        h / 2,
        64 + Math.floorMod(seed * 91 + index, 128));
    f.pts(index);
    encoder.encode(f, packet, out);
  }

  private static ByteBuffer plane(AVFrame f, int i, int rows) {
    return f.data(i).capacity((long) f.linesize(i) * rows).asByteBuffer();
  }

  private void fillPlane(ByteBuffer plane, int stride, int w, int h, int value) {
    java.util.Arrays.fill(row, 0, w, (byte) value);
    for (int j = 0; j < h; j++) {
      plane.put(j * stride, row, 0, w);
    }
  }

  @Override
  public void close() {
    frame.close();
  }
}
