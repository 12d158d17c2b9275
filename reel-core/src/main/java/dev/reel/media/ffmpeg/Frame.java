package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import org.bytedeco.ffmpeg.avutil.AVFrame;

/** Owns an {@code AVFrame}; {@link #close()} calls av_frame_free. */
final class Frame implements AutoCloseable {
  private AVFrame frame;

  private Frame(AVFrame frame) {
    this.frame = frame;
  }

  static Frame allocate() {
    AVFrame f = av_frame_alloc();
    if (f == null) {
      throw new OutOfMemoryError("av_frame_alloc failed");
    }
    return new Frame(f);
  }

  AVFrame raw() {
    return frame;
  }

  void unref() {
    av_frame_unref(frame);
  }

  @Override
  public void close() {
    if (frame != null) {
      av_frame_free(frame);
      frame = null;
    }
  }
}
