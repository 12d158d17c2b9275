package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avformat.AVFMTCTX_NOHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_DEFAULT;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_FORCED;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_ARIB_STD_B67;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_RESERVED0;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_SMPTE2084;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_CHANNEL_ORDER_UNSPEC;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_describe;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_get;

import dev.reel.media.CodecConfigRecord;
import dev.reel.media.HdrTransfer;
import dev.reel.media.MediaInfo;
import dev.reel.media.StreamInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.IntPointer;

/** Turns an opened format context into {@link MediaInfo} records. */
final class StreamReader {
  private StreamReader() {}

  /**
   * Whether any stream lacks a parameter the header should have told: codec, picture size or frame
   * rate, sample rate or channels.
   */
  static boolean needsStreamInfo(AVFormatContext ctx) {
    if (ctx.nb_streams() == 0 || (ctx.ctx_flags() & AVFMTCTX_NOHEADER) != 0) {
      return true; // MPEG-PS, FLV: streams are found only by reading packets
    }
    for (int i = 0; i < ctx.nb_streams(); i++) {
      AVStream st = ctx.streams(i);
      AVCodecParameters par = st.codecpar();
      int type = par.codec_type();
      boolean stillPicture = (st.disposition() & AV_DISPOSITION_ATTACHED_PIC) != 0;
      if (type == AVMEDIA_TYPE_VIDEO
          && !stillPicture
          && (par.codec_id() == 0 || par.width() <= 0 || frameRate(st) == null)) {
        return true;
      }
      if (type == AVMEDIA_TYPE_AUDIO
          && (par.codec_id() == 0
              || par.sample_rate() <= 0
              || par.ch_layout().nb_channels() <= 0)) {
        return true;
      }
    }
    return false;
  }

  static MediaInfo read(AVFormatContext ctx, long fileSize) {
    List<StreamInfo> streams = new ArrayList<>(ctx.nb_streams());
    for (int i = 0; i < ctx.nb_streams(); i++) {
      streams.add(stream(ctx.streams(i)));
    }
    Double duration = duration(ctx);
    Long bitRate = ctx.bit_rate() > 0 ? Long.valueOf(ctx.bit_rate()) : null;
    if (bitRate == null && duration != null && duration > 0 && fileSize > 0) {
      bitRate = Math.round(fileSize * 8 / duration);
    }
    return new MediaInfo(
        ctx.iformat().name().getString(), duration, bitRate, ctx.nb_chapters(), streams);
  }

  private static Double duration(AVFormatContext ctx) {
    if (ctx.duration() != AV_NOPTS_VALUE && ctx.duration() > 0) {
      return ctx.duration() / (double) AV_TIME_BASE;
    }
    double longest = -1;
    for (int i = 0; i < ctx.nb_streams(); i++) {
      AVStream st = ctx.streams(i);
      if (st.duration() != AV_NOPTS_VALUE && st.duration() > 0) {
        longest = Math.max(longest, st.duration() * q(st.time_base()));
      }
    }
    return longest > 0 ? longest : null;
  }

  private static StreamInfo stream(AVStream st) {
    AVCodecParameters par = st.codecpar();
    int index = st.index();
    String codec = FfmpegNames.codec(par.codec_id());
    String profile = FfmpegNames.profile(par.codec_id(), par.profile());
    String language = tag(st.metadata(), "language");
    String title = tag(st.metadata(), "title");
    boolean isDefault = (st.disposition() & AV_DISPOSITION_DEFAULT) != 0;
    return switch (par.codec_type()) {
      case AVMEDIA_TYPE_VIDEO -> video(st, par, codec, profile, language, title, isDefault);
      case AVMEDIA_TYPE_AUDIO ->
          new StreamInfo.Audio(
              index,
              codec,
              profile,
              language,
              title,
              isDefault,
              par.sample_rate(),
              par.ch_layout().nb_channels(),
              channelLayout(par));
      case AVMEDIA_TYPE_SUBTITLE ->
          new StreamInfo.Subtitle(
              index,
              codec,
              profile,
              language,
              title,
              isDefault,
              (st.disposition() & AV_DISPOSITION_FORCED) != 0);
      default -> new StreamInfo.Data(index, codec, profile, language, title, isDefault);
    };
  }

  private static StreamInfo.Video video(
      AVStream st,
      AVCodecParameters par,
      String codec,
      String profile,
      String language,
      String title,
      boolean isDefault) {
    String pixelFormat = FfmpegNames.pixelFormat(par.format());
    Integer depth = bitDepth(par);
    if (pixelFormat == null || profile == null) {
      // The header left them open: the codec configuration record usually says.
      Optional<CodecConfigRecord> config = codecConfig(codec, par);
      if (config.isPresent()) {
        CodecConfigRecord c = config.get();
        profile = profile != null ? profile : FfmpegNames.profile(par.codec_id(), c.profile());
        if (pixelFormat == null) {
          pixelFormat = c.pixelFormat();
          depth = c.bitDepth();
        }
      }
    }
    return new StreamInfo.Video(
        st.index(),
        codec,
        profile,
        language,
        title,
        isDefault,
        par.width(),
        par.height(),
        frameRate(st),
        pixelFormat,
        depth,
        hdr(par.color_trc(), depth),
        rotation(par));
  }

  private static Optional<CodecConfigRecord> codecConfig(String codec, AVCodecParameters par) {
    int size = par.extradata_size();
    if (size <= 0 || size > 1 << 16 || par.extradata() == null) {
      return Optional.empty();
    }
    byte[] bytes = new byte[size];
    par.extradata().get(bytes);
    return codec.equals("av1")
        ? CodecConfigRecord.parseAv1(bytes)
        : CodecConfigRecord.parse(codec, bytes);
  }

  /**
   * The HDR transfer that the container or codec header says. When it says nothing, an 8-bit stream
   * is SDR (HDR10 and HLG need 10 bits or more); for a deeper or unknown depth only decoding tells
   * (the transfer is in the bitstream), so it is unknown, never a guessed "none".
   */
  static HdrTransfer hdr(int colorTrc, Integer bitDepth) {
    boolean unsaid = colorTrc == AVCOL_TRC_UNSPECIFIED || colorTrc == AVCOL_TRC_RESERVED0;
    if (unsaid && (bitDepth == null || bitDepth > 8)) {
      return HdrTransfer.UNKNOWN;
    }
    return hdr(colorTrc);
  }

  /** The HDR transfer of a colour transfer characteristic (decoded frames always carry one). */
  static HdrTransfer hdr(int colorTrc) {
    return switch (colorTrc) {
      case AVCOL_TRC_SMPTE2084 -> HdrTransfer.PQ;
      case AVCOL_TRC_ARIB_STD_B67 -> HdrTransfer.HLG;
      default -> HdrTransfer.NONE;
    };
  }

  private static Integer bitDepth(AVCodecParameters par) {
    Integer depth = FfmpegNames.bitDepth(par.format());
    if (depth == null && par.bits_per_raw_sample() > 0) {
      depth = par.bits_per_raw_sample();
    }
    return depth;
  }

  /**
   * The average frame rate, snapped to the stream's nominal rate when the two agree within 1% (an
   * average over a short file is skewed by the last frame's duration; a variable-rate phone video
   * keeps its true average).
   */
  private static Double frameRate(AVStream st) {
    double avg = q(st.avg_frame_rate());
    double nominal = q(st.r_frame_rate());
    if (avg > 0 && nominal > 0 && Math.abs(avg - nominal) <= nominal * 0.01) {
      return nominal;
    }
    if (avg > 0) {
      return avg;
    }
    return nominal > 0 ? nominal : null;
  }

  private static int rotation(AVCodecParameters par) {
    AVPacketSideData side =
        av_packet_side_data_get(
            par.coded_side_data(), par.nb_coded_side_data(), AV_PKT_DATA_DISPLAYMATRIX);
    if (side == null || side.isNull() || side.size() < 9 * 4) {
      return 0;
    }
    double counterClockwise = av_display_rotation_get(new IntPointer(side.data()));
    if (Double.isNaN(counterClockwise)) {
      return 0;
    }
    long clockwise = Math.round(-counterClockwise);
    return (int) (((clockwise % 360) + 360) % 360);
  }

  private static String channelLayout(AVCodecParameters par) {
    if (par.ch_layout().nb_channels() <= 0) {
      return null;
    }
    byte[] buf = new byte[64];
    int n;
    if (par.ch_layout().order() == AV_CHANNEL_ORDER_UNSPEC) {
      // Containers often store only the count; players use the default layout for it.
      try (AVChannelLayout layout = new AVChannelLayout()) {
        av_channel_layout_default(layout, par.ch_layout().nb_channels());
        n = av_channel_layout_describe(layout, buf, buf.length);
      }
    } else {
      n = av_channel_layout_describe(par.ch_layout(), buf, buf.length);
    }
    if (n <= 0) {
      return null;
    }
    return FfmpegNames.cString(buf);
  }

  private static String tag(AVDictionary dict, String key) {
    if (dict == null || dict.isNull()) {
      return null;
    }
    AVDictionaryEntry e = av_dict_get(dict, key, null, 0);
    if (e == null || e.isNull() || e.value() == null) {
      return null;
    }
    String v = e.value().getString(StandardCharsets.UTF_8).strip();
    return v.isEmpty() ? null : v;
  }

  static double q(AVRational r) {
    return r.den() == 0 ? 0 : r.num() / (double) r.den();
  }
}
