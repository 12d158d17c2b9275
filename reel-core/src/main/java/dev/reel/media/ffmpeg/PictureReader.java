package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;

import java.time.Duration;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/** Decodes the pictures of a file's first video stream one by one, in order. */
final class PictureReader implements AutoCloseable {
  private final InterruptDeadline deadline =
      InterruptDeadline.after(Duration.ofMinutes(10).toNanos());
  private final FormatContext in;
  private final CodecContext decoder;
  private final Packet packet = Packet.allocate();
  private final Frame frame = Frame.allocate();
  private final int video;
  private final int audio;
  private boolean flushed;

  PictureReader(String file) {
    FormatContext opened = null;
    try {
      opened = FormatContext.open(file, deadline);
      opened.findStreamInfo();
      int[] va = FfmpegClipCutter.videoAndAudio(opened.raw());
      if (va[0] < 0) {
        throw new IllegalStateException(file + " has no video");
      }
      this.video = va[0];
      this.audio = va[1];
      this.decoder = CodecContext.openDecoder(opened.raw().streams(video).codecpar(), file);
      this.in = opened;
    } catch (RuntimeException e) {
      if (opened != null) {
        opened.close();
      }
      packet.close();
      frame.close();
      deadline.close();
      throw e;
    }
  }

  FormatContext input() {
    return in;
  }

  int audioStream() {
    return audio;
  }

  /** The next picture (valid until the next call), or null after the last. */
  AVFrame next() {
    frame.unref();
    while (true) {
      if (decoder.receive(frame) >= 0) {
        return frame.raw();
      }
      if (flushed) {
        return null;
      }
      int ret = in.readPacket(packet);
      if (ret == AVERROR_EOF) {
        decoder.send(null);
        flushed = true;
        continue;
      }
      FfmpegErrors.check(ret, "av_read_frame", in.file());
      if (packet.streamIndex() == video) {
        decoder.send(packet.raw());
      }
      packet.unref();
    }
  }

  @Override
  public void close() {
    decoder.close();
    in.close();
    frame.close();
    packet.close();
    deadline.close();
  }
}
