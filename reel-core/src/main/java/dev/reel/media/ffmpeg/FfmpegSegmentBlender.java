package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;

import dev.reel.media.ClipCutter;
import dev.reel.media.SegmentBlender;
import dev.reel.media.SegmentFormat;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * Cross-fades two segments of one format: picture {@code i} of {@code n} is {@code (1 - a) * from +
 * a * to} with {@code a = (i + 0.5) / n} on every plane, and the sound fades the same way, sample
 * by sample. Both segments are decoded side by side, one picture at a time.
 */
public final class FfmpegSegmentBlender implements SegmentBlender {
  public FfmpegSegmentBlender() {
    FfmpegLibrary.load();
  }

  @Override
  public ClipCutter.Result blend(Path from, Path to, Path target, SegmentFormat format) {
    String file = target.toString();
    Path temp = target.resolveSibling("." + target.getFileName() + ".part");
    try (PictureReader a = new PictureReader(from.toString());
        PictureReader b = new PictureReader(to.toString());
        Frame mixed = Frame.allocate();
        Packet packet = Packet.allocate()) {
      double seconds = Math.min(length(a), length(b));
      int pictures = (int) Math.max(1, Math.round(seconds * format.fps()));
      float[][] soundA = sound(a, pictures / format.fps());
      float[][] soundB = sound(b, pictures / format.fps());
      try (OutputContext out =
              OutputContext.forName(target.getFileName().toString(), temp.toString());
          EncoderContext venc = EncodedCut.videoEncoder(null, -1, null, format)) {
        VideoEncoders.open(venc, format, out);
        try (StereoAacWriter aac = new StereoAacWriter(out, 128_000L, file)) {
          out.start();
          AVFrame m = mixed.raw();
          m.format(AV_PIX_FMT_YUV420P).width(format.width()).height(format.height());
          FfmpegErrors.check(av_frame_get_buffer(m, 0), "av_frame_get_buffer", file);
          byte[] rowA = new byte[format.width()];
          byte[] rowB = new byte[format.width()];
          int made = 0;
          for (; made < pictures; made++) {
            AVFrame pa = a.next();
            if (pa == null) {
              break;
            }
            AVFrame pb = b.next();
            if (pb == null) {
              break;
            }
            for (AVFrame p : new AVFrame[] {pa, pb}) {
              if (p.width() != format.width()
                  || p.height() != format.height()
                  || p.format() != AV_PIX_FMT_YUV420P) {
                throw new IllegalStateException(
                    "a segment to blend is not "
                        + format.width()
                        + "x"
                        + format.height()
                        + " yuv420p");
              }
            }
            org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable(m);
            double alpha = (made + 0.5) / pictures;
            blend(pa, pb, m, format, alpha, rowA, rowB);
            m.pts(made);
            venc.encode(m, packet, out);
          }
          long samples = Math.round(made / format.fps() * StereoDecoder.RATE);
          for (long i = 0; i < samples; i++) {
            float g = (float) ((i + 0.5) / samples);
            float la = at(soundA[0], i);
            float ra = at(soundA[1], i);
            float lb = at(soundB[0], i);
            float rb = at(soundB[1], i);
            aac.add(la * (1 - g) + lb * g, ra * (1 - g) + rb * g);
          }
          venc.encode(null, packet, out);
          aac.finish();
          out.finish();
          if (made == 0) {
            return new ClipCutter.Result.Failed("no pictures to blend");
          }
          java.nio.file.Files.move(
              temp,
              target,
              java.nio.file.StandardCopyOption.REPLACE_EXISTING,
              java.nio.file.StandardCopyOption.ATOMIC_MOVE);
          return new ClipCutter.Result.Cut(target, 0, made / format.fps());
        }
      }
    } catch (FfmpegException e) {
      return new ClipCutter.Result.Failed(e.reasonAndFunction());
    } catch (IllegalStateException | java.io.IOException e) {
      return new ClipCutter.Result.Failed(e.getMessage());
    } finally {
      try {
        java.nio.file.Files.deleteIfExists(temp);
      } catch (java.io.IOException e) {
        // a hidden temporary file; nothing else to do
      }
    }
  }

  private static float at(float[] s, long i) {
    return i < s.length ? s[(int) i] : 0;
  }

  private static double length(PictureReader r) {
    var ctx = r.input().raw();
    return ctx.duration() > 0 ? ctx.duration() / 1e6 : 0;
  }

  /** The first {@code seconds} of a segment's sound, 48 kHz stereo (short: it is a transition). */
  private static float[][] sound(PictureReader r, double seconds) {
    int n = (int) Math.round(seconds * StereoDecoder.RATE);
    float[][] out = new float[2][n];
    if (r.audioStream() < 0) {
      return out;
    }
    // a second reader: the picture reader keeps its own place in the file
    try (InterruptDeadline d = InterruptDeadline.after(java.time.Duration.ofMinutes(5).toNanos());
        FormatContext in = FormatContext.open(r.input().file(), d);
        Packet p = Packet.allocate()) {
      in.findStreamInfo();
      int stream = r.audioStream();
      int[] filled = {0};
      try (StereoDecoder dec = new StereoDecoder(in.raw().streams(stream).codecpar(), in.file())) {
        StereoDecoder.Sink sink =
            (l, rr, count) -> {
              int k = Math.min(count, n - filled[0]);
              if (k > 0) {
                System.arraycopy(l, 0, out[0], filled[0], k);
                System.arraycopy(rr, 0, out[1], filled[0], k);
                filled[0] += k;
              }
            };
        while (filled[0] < n) {
          int ret = in.readPacket(p);
          if (ret == AVERROR_EOF) {
            dec.decode(null, sink);
            break;
          }
          FfmpegErrors.check(ret, "av_read_frame", in.file());
          if (p.streamIndex() == stream) {
            dec.decode(p.raw(), sink);
          }
          p.unref();
        }
      }
    }
    return out;
  }

  /** Blends every plane of two yuv420p pictures of the output's size into {@code out}. */
  private static void blend(
      AVFrame a, AVFrame b, AVFrame out, SegmentFormat f, double alpha, byte[] ra, byte[] rb) {
    int wa = (int) Math.round(alpha * 256);
    for (int plane = 0; plane < 3; plane++) {
      int w = plane == 0 ? f.width() : f.width() / 2;
      int h = plane == 0 ? f.height() : f.height() / 2;
      BytePointer pa = a.data(plane);
      BytePointer pb = b.data(plane);
      BytePointer po = out.data(plane);
      int la = a.linesize(plane);
      int lb = b.linesize(plane);
      int lo = out.linesize(plane);
      for (int y = 0; y < h; y++) {
        pa.position((long) y * la).get(ra, 0, w);
        pb.position((long) y * lb).get(rb, 0, w);
        for (int x = 0; x < w; x++) {
          ra[x] = (byte) (((ra[x] & 0xff) * (256 - wa) + (rb[x] & 0xff) * wa + 128) >> 8);
        }
        po.position((long) y * lo).put(ra, 0, w);
      }
      pa.position(0);
      pb.position(0);
      po.position(0);
    }
  }
}
