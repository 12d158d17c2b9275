package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_SUBRIP;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_WEBVTT;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_FORCED;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import dev.reel.media.EncodeSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Adds text subtitle tracks to a Matroska or WebM file: SubRip (WebVTT in WebM), one short cue per
 * second. Text subtitles need no encoder: a packet's payload is the cue's text.
 */
final class SubtitleWriter {
  private final OutputContext out;
  private final List<AVStream> streams = new ArrayList<>();
  private final AVRational millis = new AVRational().num(1).den(1000);

  SubtitleWriter(OutputContext out, String container, List<EncodeSpec.SubtitleTrack> tracks) {
    this.out = out;
    int codec = container.equals("webm") ? AV_CODEC_ID_WEBVTT : AV_CODEC_ID_SUBRIP;
    for (EncodeSpec.SubtitleTrack t : tracks) {
      AVStream st = out.newStream();
      st.codecpar().codec_type(AVMEDIA_TYPE_SUBTITLE);
      st.codecpar().codec_id(codec);
      st.time_base(millis);
      if (t.forced()) {
        st.disposition(st.disposition() | AV_DISPOSITION_FORCED);
      }
      AVDictionary dict = new AVDictionary(null);
      if (t.language() != null) {
        av_dict_set(dict, "language", t.language(), 0);
      }
      if (t.title() != null) {
        av_dict_set(dict, "title", t.title(), 0);
      }
      st.metadata(dict);
      streams.add(st);
    }
  }

  /** Writes one 0.8 s cue per second of the file on every track (call after the header). */
  void writeCues(double seconds, Packet packet) {
    for (AVStream st : streams) {
      for (int i = 0; i < Math.max(1, (int) seconds); i++) {
        byte[] text = ("Line " + (i + 1)).getBytes(StandardCharsets.UTF_8);
        FfmpegErrors.check(av_new_packet(packet.raw(), text.length), "av_new_packet", out.file());
        packet.raw().data().put(text, 0, text.length);
        packet.raw().pts(i * 1000L).dts(i * 1000L).duration(800);
        packet.raw().stream_index(st.index());
        av_packet_rescale_ts(packet.raw(), millis, st.time_base());
        out.write(packet.raw());
      }
    }
  }
}
