package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_free;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_read;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_size;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_write;

import org.bytedeco.ffmpeg.avutil.AVAudioFifo;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Owns an {@code AVAudioFifo}: samples go in as they are decoded and come out in the encoder's
 * frame size; close frees it.
 */
final class AudioFifo implements AutoCloseable {
  private AVAudioFifo fifo;
  private final String file;

  AudioFifo(int sampleFormat, int channels, String file) {
    this.file = file;
    this.fifo = av_audio_fifo_alloc(sampleFormat, channels, 4096);
    if (fifo == null) {
      throw new OutOfMemoryError("av_audio_fifo_alloc failed");
    }
  }

  /** Appends the first {@code count} samples of {@code frame}. */
  void write(AVFrame frame, int count) {
    if (count > 0) {
      FfmpegErrors.check(
          av_audio_fifo_write(fifo, frame.extended_data(), count), "av_audio_fifo_write", file);
    }
  }

  /** Drops the first {@code count} samples. */
  void drain(int count) {
    if (count > 0) {
      FfmpegErrors.check(
          org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_drain(fifo, count),
          "av_audio_fifo_drain",
          file);
    }
  }

  int size() {
    return av_audio_fifo_size(fifo);
  }

  /**
   * Moves {@code count} samples into {@code frame}'s buffers (allocated for at least that many).
   */
  void read(AVFrame frame, int count) {
    FfmpegErrors.check(
        av_audio_fifo_read(fifo, frame.extended_data(), count), "av_audio_fifo_read", file);
  }

  @Override
  public void close() {
    if (fifo != null) {
      av_audio_fifo_free(fifo);
      fifo = null;
    }
  }
}
