package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/** Owns an opened decoder {@code AVCodecContext}; {@link #close()} calls avcodec_free_context. */
final class CodecContext implements AutoCloseable {
  private AVCodecContext ctx;

  private CodecContext(AVCodecContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Opens a single-threaded decoder for a stream's parameters.
   *
   * @throws FfmpegException when FFmpeg has no decoder for the codec or cannot open it
   */
  static CodecContext openDecoder(AVCodecParameters par, String file) {
    AVCodec codec = avcodec_find_decoder(par.codec_id());
    if (codec == null) {
      throw new FfmpegException(
          -1,
          "no decoder for codec " + FfmpegNames.codec(par.codec_id()),
          "avcodec_find_decoder",
          file);
    }
    AVCodecContext ctx = avcodec_alloc_context3(codec);
    if (ctx == null) {
      throw new OutOfMemoryError("avcodec_alloc_context3 failed");
    }
    CodecContext owned = new CodecContext(ctx);
    try {
      FfmpegErrors.check(
          avcodec_parameters_to_context(ctx, par), "avcodec_parameters_to_context", file);
      ctx.thread_count(1); // workers already use every core; one file, one thread
      FfmpegErrors.check(avcodec_open2(ctx, codec, (AVDictionary) null), "avcodec_open2", file);
      return owned;
    } catch (RuntimeException e) {
      owned.close();
      throw e;
    }
  }

  /** Sends a packet, or null to flush; returns FFmpeg's code. */
  int send(AVPacket packet) {
    return avcodec_send_packet(ctx, packet);
  }

  /** Receives a decoded frame; returns FFmpeg's code (EAGAIN when it needs more input). */
  int receive(Frame frame) {
    return avcodec_receive_frame(ctx, frame.raw());
  }

  AVCodecContext raw() {
    return ctx;
  }

  @Override
  public void close() {
    if (ctx != null) {
      avcodec_free_context(ctx);
      ctx = null;
    }
  }
}
