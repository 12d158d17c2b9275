package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;

import org.bytedeco.ffmpeg.avcodec.AVPacket;

/** Owns an {@code AVPacket}; {@link #close()} calls av_packet_free. */
final class Packet implements AutoCloseable {
  private AVPacket packet;

  private Packet(AVPacket packet) {
    this.packet = packet;
  }

  static Packet allocate() {
    AVPacket p = av_packet_alloc();
    if (p == null) {
      throw new OutOfMemoryError("av_packet_alloc failed");
    }
    return new Packet(p);
  }

  AVPacket raw() {
    return packet;
  }

  int streamIndex() {
    return packet.stream_index();
  }

  /** Drops the packet's data so the packet can be reused. */
  void unref() {
    av_packet_unref(packet);
  }

  @Override
  public void close() {
    if (packet != null) {
      av_packet_free(packet);
      packet = null;
    }
  }
}
