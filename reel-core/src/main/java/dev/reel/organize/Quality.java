package dev.reel.organize;

import dev.reel.media.HdrTransfer;
import dev.reel.media.MediaInfo;
import dev.reel.media.ProbeOutcome;
import dev.reel.media.StreamInfo;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

/**
 * How good a copy of a video is, for choosing the one that goes to the library when several files
 * hold the same episode or movie. Better is, in this order: playable, higher resolution, HDR, a
 * more efficient codec (AV1, HEVC, VP9, H.264, older), higher bit rate, more audio channels, bigger
 * file.
 *
 * @param height the first video stream's height in pixels, 0 when unknown
 * @param codec the first video stream's codec ("hevc"), or null
 * @param bitRate the overall bit rate, 0 when unknown
 */
public record Quality(
    boolean playable,
    int height,
    boolean hdr,
    String codec,
    long bitRate,
    int audioChannels,
    long sizeBytes) {

  private static final Map<String, Integer> CODEC_RANK =
      Map.of(
          "av1",
          6,
          "hevc",
          5,
          "vp9",
          4,
          "h264",
          3,
          "vp8",
          2,
          "mpeg4",
          2,
          "vc1",
          2,
          "mpeg2video",
          1,
          "wmv3",
          1,
          "msmpeg4v3",
          1);

  /** Best first. */
  public static final Comparator<Quality> BEST_FIRST =
      Comparator.comparing(Quality::playable)
          .thenComparingInt(Quality::height)
          .thenComparing(Quality::hdr)
          .thenComparingInt(Quality::codecRank)
          .thenComparingLong(Quality::bitRate)
          .thenComparingInt(Quality::audioChannels)
          .thenComparingLong(Quality::sizeBytes)
          .reversed();

  /** The quality of a probed file; the name's screen size stands in when the probe has no video. */
  public static Quality of(ProbeOutcome probe, String screenSize) {
    long size = probe.file().sizeBytes();
    boolean playable = probe instanceof ProbeOutcome.Playable;
    MediaInfo info = probe.mediaInfo().orElse(null);
    if (info == null) {
      return new Quality(false, heightOf(screenSize), false, null, 0, 0, size);
    }
    StreamInfo.Video v = info.videoStreams().isEmpty() ? null : info.videoStreams().get(0);
    int channels =
        info.audioStreams().stream().mapToInt(StreamInfo.Audio::channels).max().orElse(0);
    long rate = info.bitRate() == null ? 0 : info.bitRate();
    if (v == null) {
      return new Quality(playable, heightOf(screenSize), false, null, rate, channels, size);
    }
    boolean hdr = v.hdr() == HdrTransfer.PQ || v.hdr() == HdrTransfer.HLG;
    return new Quality(playable, v.height(), hdr, v.codec(), rate, channels, size);
  }

  int codecRank() {
    return codec == null ? 0 : CODEC_RANK.getOrDefault(codec, 1);
  }

  /**
   * The resolution as libraries name versions: 2160p, 1080p, 720p, 576p, 480p, or SD; null if
   * unknown.
   */
  public String resolution() {
    if (height <= 0) {
      return null;
    }
    if (height >= 1600) {
      return "2160p";
    }
    if (height >= 900) {
      return "1080p";
    }
    if (height >= 700) {
      return "720p";
    }
    if (height >= 560) {
      return "576p";
    }
    if (height >= 460) {
      return "480p";
    }
    return "SD";
  }

  /** The codec as release names write it (HEVC, H.264, AV1...), or null. */
  public String videoCodec() {
    if (codec == null) {
      return null;
    }
    return switch (codec) {
      case "hevc" -> "HEVC";
      case "h264" -> "H.264";
      case "av1" -> "AV1";
      case "vp9" -> "VP9";
      case "mpeg4" -> "MPEG-4";
      case "mpeg2video" -> "MPEG-2";
      default -> codec.toUpperCase(Locale.ROOT);
    };
  }

  /** One line for reports: "1080p HEVC HDR 8.1 Mb/s 6ch". */
  public String describe() {
    StringBuilder b = new StringBuilder();
    if (resolution() != null) {
      b.append(resolution());
    }
    if (videoCodec() != null) {
      b.append(b.isEmpty() ? "" : " ").append(videoCodec());
    }
    if (hdr) {
      b.append(" HDR");
    }
    if (bitRate > 0) {
      b.append(String.format(Locale.ROOT, " %.1f Mb/s", bitRate / 1e6));
    }
    if (audioChannels > 0) {
      b.append(' ').append(audioChannels).append("ch");
    }
    if (!playable) {
      b.append(" unplayable");
    }
    return b.toString().strip();
  }

  private static int heightOf(String screenSize) {
    if (screenSize == null) {
      return 0;
    }
    String s = screenSize.toLowerCase(Locale.ROOT);
    if (s.equals("4k") || s.equals("uhd")) {
      return 2160;
    }
    int p = s.indexOf('p');
    int i = p > 0 ? p : s.indexOf('i');
    try {
      return i > 0 ? Integer.parseInt(s.substring(0, i)) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
