package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/** Owns an opened input {@code AVFormatContext}; {@link #close()} calls avformat_close_input. */
final class FormatContext implements AutoCloseable {
  private AVFormatContext ctx;
  private final String file;

  private FormatContext(AVFormatContext ctx, String file) {
    this.ctx = ctx;
    this.file = file;
  }

  /**
   * Opens {@code file} (a local path) and reads its header, aborting when {@code deadline} expires.
   *
   * @throws FfmpegException when FFmpeg cannot open or recognise the file
   */
  static FormatContext open(String file, InterruptDeadline deadline) {
    AVFormatContext ctx = avformat_alloc_context();
    if (ctx == null) {
      throw new OutOfMemoryError("avformat_alloc_context failed");
    }
    deadline.install(ctx.interrupt_callback());
    // "file:" keeps names with a colon ("Title: Part 2.mkv") from being read as a protocol.
    int ret = avformat_open_input(ctx, "file:" + file, null, (AVDictionary) null);
    if (ret < 0) { // avformat_open_input has freed the context
      FfmpegErrors.check(ret, "avformat_open_input", file);
    }
    return new FormatContext(ctx, file);
  }

  /** Runs avformat_find_stream_info, which may decode frames to learn missing parameters. */
  void findStreamInfo() {
    FfmpegErrors.check(
        avformat_find_stream_info(ctx, (AVDictionary) null), "avformat_find_stream_info", file);
  }

  /** Reads the next packet; returns FFmpeg's code (negative at the end or on an error). */
  int readPacket(Packet packet) {
    return av_read_frame(ctx, packet.raw());
  }

  AVFormatContext raw() {
    if (ctx == null) {
      throw new IllegalStateException("format context of " + file + " is closed");
    }
    return ctx;
  }

  String file() {
    return file;
  }

  @Override
  public void close() {
    if (ctx != null) {
      avformat_close_input(ctx);
      ctx = null;
    }
  }
}
