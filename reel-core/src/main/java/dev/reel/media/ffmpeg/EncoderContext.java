package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Owns an encoder {@code AVCodecContext} bound to one output stream; {@link #close()} calls
 * avcodec_free_context. Encoded packets are rescaled to the stream's time base and written.
 */
final class EncoderContext implements AutoCloseable {
  private static final int EAGAIN = AVERROR_EAGAIN();
  private AVCodecContext ctx;
  private final AVCodec codec;
  private AVStream stream;

  private EncoderContext(AVCodec codec, AVCodecContext ctx) {
    this.codec = codec;
    this.ctx = ctx;
  }

  /** An unopened encoder for {@code codecId}; set its fields, then {@link #open}. */
  static EncoderContext allocate(int codecId, String what) {
    AVCodec codec = avcodec_find_encoder(codecId);
    if (codec == null) {
      throw new IllegalArgumentException("this FFmpeg build has no encoder for " + what);
    }
    AVCodecContext ctx = avcodec_alloc_context3(codec);
    if (ctx == null) {
      throw new OutOfMemoryError("avcodec_alloc_context3 failed");
    }
    return new EncoderContext(codec, ctx);
  }

  /** An unopened encoder of this name ({@code libx264}); set its fields, then {@link #open}. */
  static EncoderContext allocateByName(String name) {
    AVCodec codec = org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name(name);
    if (codec == null) {
      throw new IllegalArgumentException("this FFmpeg build has no encoder " + name);
    }
    AVCodecContext ctx = avcodec_alloc_context3(codec);
    if (ctx == null) {
      throw new OutOfMemoryError("avcodec_alloc_context3 failed");
    }
    return new EncoderContext(codec, ctx);
  }

  AVCodecContext raw() {
    return ctx;
  }

  AVCodec codec() {
    return codec;
  }

  /** Opens the encoder and creates its stream in {@code out}. */
  AVStream open(OutputContext out, AVDictionary options) {
    if (out.needsGlobalHeader()) {
      ctx.flags(ctx.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
    }
    FfmpegErrors.check(avcodec_open2(ctx, codec, options), "avcodec_open2", out.file());
    stream = out.newStream();
    FfmpegErrors.check(
        avcodec_parameters_from_context(stream.codecpar(), ctx),
        "avcodec_parameters_from_context",
        out.file());
    stream.time_base(ctx.time_base());
    return stream;
  }

  /** Encodes {@code frame} (null flushes) and writes every packet that comes out. */
  void encode(AVFrame frame, Packet packet, OutputContext out) {
    FfmpegErrors.check(avcodec_send_frame(ctx, frame), "avcodec_send_frame", out.file());
    while (true) {
      int ret = avcodec_receive_packet(ctx, packet.raw());
      if (ret == EAGAIN || ret == AVERROR_EOF) {
        return;
      }
      FfmpegErrors.check(ret, "avcodec_receive_packet", out.file());
      if (packet.raw().duration() <= 0 && ctx.codec_type() == AVMEDIA_TYPE_VIDEO) {
        packet.raw().duration(1); // one frame in the encoder's 1/fps time base; muxers need it
      }
      av_packet_rescale_ts(packet.raw(), ctx.time_base(), stream.time_base());
      packet.raw().stream_index(stream.index());
      out.write(packet.raw()); // takes the packet's reference
    }
  }

  @Override
  public void close() {
    if (ctx != null) {
      avcodec_free_context(ctx);
      ctx = null;
    }
  }
}
