package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import dev.reel.media.SegmentFormat;
import dev.reel.media.VideoEncoding;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/**
 * Chooses and sets up the video encoder of a {@link VideoEncoding}: for {@code h264} x264 when the
 * natives have it (the GPL build) and OpenH264 otherwise; for {@code h265} x265 (GPL build only).
 * Settings the chosen encoder does not have (a preset or crf for OpenH264) are refused by name.
 */
final class VideoEncoders {
  private VideoEncoders() {}

  /** The encoder's name for {@code how}, or an exception saying which build has one. */
  static String name(VideoEncoding how) {
    if (how.codec().equals("h265")) {
      if (has("libx265")) {
        return "libx265";
      }
      throw new IllegalArgumentException(
          "--codec h265 needs the GPL build with x265: ./mvnw -Pgpl package");
    }
    if (has("libx264")) {
      return "libx264";
    }
    if (how.crf() != null || how.preset() != null) {
      throw new IllegalArgumentException(
          "--crf and --preset are x264 settings: this build encodes H.264 with OpenH264; give"
              + " --bitrate, or build with x264: ./mvnw -Pgpl package");
    }
    return "libopenh264";
  }

  static EncoderContext allocate(VideoEncoding how) {
    return EncoderContext.allocateByName(name(how));
  }

  /** Sets the bit rate when the encoding asks for one (or has no crf), else leaves it to crf. */
  static void rate(EncoderContext enc, VideoEncoding how, long fallback) {
    boolean x26x = enc.codec().name().getString().startsWith("libx26");
    if (how.bitrate() != null) {
      enc.raw().bit_rate(how.bitrate());
    } else if (!x26x) {
      enc.raw().bit_rate(fallback);
    }
  }

  /** Opens the encoder with its private options (x264/x265 preset and crf). */
  static void open(EncoderContext enc, SegmentFormat format, OutputContext out) {
    VideoEncoding how = format != null ? format.video() : VideoEncoding.DEFAULT;
    AVDictionary options = new AVDictionary(null);
    try {
      if (enc.codec().name().getString().startsWith("libx26")) {
        if (how.preset() != null) {
          av_dict_set(options, "preset", how.preset(), 0);
        }
        if (how.bitrate() == null) {
          av_dict_set(options, "crf", String.valueOf(how.crf() == null ? 23 : how.crf()), 0);
        }
        if (enc.codec().name().getString().equals("libx265")) {
          av_dict_set(options, "x265-params", "log-level=error", 0);
        }
      }
      enc.open(out, options);
    } finally {
      av_dict_free(options);
    }
  }

  private static boolean has(String name) {
    return avcodec_find_encoder_by_name(name) != null;
  }
}
