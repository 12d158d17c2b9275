package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_seek_file;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;

import java.nio.file.Path;
import java.time.Duration;
import org.bytedeco.ffmpeg.avcodec.AVCodec;

/**
 * A music file as an endless stream of 48 kHz stereo samples: decoded as asked for, and started
 * again from its beginning when it ends.
 */
final class MusicLoop implements AutoCloseable {
  private final InterruptDeadline deadline =
      InterruptDeadline.after(Duration.ofHours(24).toNanos());
  private final FormatContext in;
  private final StereoDecoder decoder;
  private final Packet packet = Packet.allocate();
  private final int stream;
  private final String file;
  private float[] left = new float[8192];
  private float[] right = new float[8192];
  private int start;
  private int end;
  private long sinceStart;

  MusicLoop(Path path) {
    this.file = path.toString();
    FormatContext opened = null;
    try {
      opened = FormatContext.open(file, deadline);
      opened.findStreamInfo();
      int s = av_find_best_stream(opened.raw(), AVMEDIA_TYPE_AUDIO, -1, -1, (AVCodec) null, 0);
      if (s < 0) {
        throw new IllegalStateException(path.getFileName() + " has no audio to use as music");
      }
      for (int i = 0; i < opened.raw().nb_streams(); i++) {
        if (i != s) {
          opened.raw().streams(i).discard(org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL);
        }
      }
      this.stream = s;
      this.decoder = new StereoDecoder(opened.raw().streams(s).codecpar(), file);
      this.in = opened;
    } catch (RuntimeException e) {
      if (opened != null) {
        opened.close();
      }
      packet.close();
      deadline.close();
      throw e;
    }
  }

  /** Fills {@code count} samples of each channel, from {@code at} on. */
  void read(float[] l, float[] r, int at, int count) {
    while (end - start < count) {
      more();
    }
    System.arraycopy(left, start, l, at, count);
    System.arraycopy(right, start, r, at, count);
    start += count;
  }

  private void more() {
    int ret = in.readPacket(packet);
    if (ret == AVERROR_EOF) {
      decoder.decode(null, this::append);
      if (sinceStart == 0 && end - start == 0) {
        throw new IllegalStateException(
            java.nio.file.Path.of(file).getFileName() + ": no audio could be decoded");
      }
      sinceStart = 0;
      avformat_seek_file(in.raw(), stream, Long.MIN_VALUE, 0, 0, AVSEEK_FLAG_BACKWARD);
      decoder.reset();
      return;
    }
    FfmpegErrors.check(ret, "av_read_frame", file);
    if (packet.raw().stream_index() == stream) {
      decoder.decode(packet.raw(), this::append);
    }
    packet.unref();
  }

  private void append(float[] l, float[] r, int n) {
    if (end + n > left.length) {
      int live = end - start;
      float[] nl = left.length - live >= n ? left : new float[Math.max(left.length * 2, live + n)];
      float[] nr = nl == left ? right : new float[nl.length];
      System.arraycopy(left, start, nl, 0, live);
      System.arraycopy(right, start, nr, 0, live);
      left = nl;
      right = nr;
      start = 0;
      end = live;
    }
    System.arraycopy(l, 0, left, end, n);
    System.arraycopy(r, 0, right, end, n);
    end += n;
    sinceStart += n;
  }

  @Override
  public void close() {
    decoder.close();
    in.close();
    packet.close();
    deadline.close();
  }
}
