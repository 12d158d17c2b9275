package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Proves a file playable by decoding its first video frame and first audio frame.
 *
 * <p>Reads packets in file order and feeds each to the decoder of its stream until both decoders
 * have produced a frame. A few undecodable packets at the start are tolerated (a cut that starts
 * before a keyframe); the file fails when the packet budget or the file ends before a frame came
 * out.
 */
final class FirstFrameDecoder {
  private static final int PACKET_BUDGET = 2_000;
  private static final int EAGAIN = AVERROR_EAGAIN();

  private FirstFrameDecoder() {}

  static FirstFrames decode(FormatContext fc, InterruptDeadline deadline) {
    AVFormatContext ctx = fc.raw();
    int video = firstStream(ctx, AVMEDIA_TYPE_VIDEO);
    int audio = firstStream(ctx, AVMEDIA_TYPE_AUDIO);
    FirstFrames.Builder found = new FirstFrames.Builder(video, audio);
    try (Packet packet = Packet.allocate();
        Frame frame = Frame.allocate();
        CodecContext vdec =
            video < 0 ? null : CodecContext.openDecoder(ctx.streams(video).codecpar(), fc.file());
        CodecContext adec =
            audio < 0 ? null : CodecContext.openDecoder(ctx.streams(audio).codecpar(), fc.file())) {
      int lastError = 0;
      for (int n = 0; n < PACKET_BUDGET && !found.complete(); n++) {
        int ret = fc.readPacket(packet);
        if (ret == AVERROR_EOF) {
          break;
        }
        if (ret < 0) {
          if (deadline.expired()) {
            throw new FfmpegException(ret, "aborted", "av_read_frame", fc.file());
          }
          return found.failed("read error after " + n + " packets: " + FfmpegErrors.text(ret));
        }
        int stream = packet.streamIndex();
        CodecContext dec = stream == video ? vdec : stream == audio ? adec : null;
        if (dec != null && !found.has(stream)) {
          int sent = dec.send(packet.raw());
          if (sent < 0 && sent != EAGAIN) {
            lastError = sent;
          } else if (receive(dec, frame, stream, found) < 0) {
            lastError = -1;
          }
        }
        packet.unref();
      }
      // Flush decoders that hold frames back (B-frame reordering, codec delay).
      for (CodecContext dec : new CodecContext[] {vdec, adec}) {
        int stream = dec == vdec ? video : audio;
        if (dec != null && !found.has(stream)) {
          dec.send(null);
          receive(dec, frame, stream, found);
        }
      }
      if (!found.complete()) {
        String why = lastError < -1 ? ": " + FfmpegErrors.text(lastError) : "";
        return found.failed("could not decode the first " + found.missing() + " frame" + why);
      }
      return found.build();
    } catch (FfmpegException e) {
      if (e.code() == -1) { // no decoder in this build
        return found.failed(e.reasonAndFunction());
      }
      throw e;
    }
  }

  private static int receive(CodecContext dec, Frame frame, int stream, FirstFrames.Builder found) {
    int ret = dec.receive(frame);
    if (ret >= 0) {
      AVFrame f = frame.raw();
      found.frame(
          stream,
          f.format(),
          f.color_trc(),
          FfmpegNames.profile(dec.raw().codec_id(), dec.raw().profile()));
      frame.unref();
      return 0;
    }
    return ret == EAGAIN || ret == AVERROR_EOF ? 0 : ret;
  }

  private static int firstStream(AVFormatContext ctx, int type) {
    for (int i = 0; i < ctx.nb_streams(); i++) {
      AVStream st = ctx.streams(i);
      if (st.codecpar().codec_type() == type
          && (st.disposition() & AV_DISPOSITION_ATTACHED_PIC) == 0) {
        return i;
      }
    }
    return -1;
  }
}
