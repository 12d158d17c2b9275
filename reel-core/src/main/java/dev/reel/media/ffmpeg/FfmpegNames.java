package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_profile_name;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;

import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.javacpp.BytePointer;

/** FFmpeg's names for codec, profile and pixel format ids. */
final class FfmpegNames {
  private FfmpegNames() {}

  static String codec(int codecId) {
    BytePointer name = avcodec_get_name(codecId);
    return name == null ? "unknown" : name.getString();
  }

  static String profile(int codecId, int profile) {
    if (profile < 0) {
      return null;
    }
    BytePointer name = avcodec_profile_name(codecId, profile);
    return name == null ? null : name.getString();
  }

  static String pixelFormat(int format) {
    if (format < 0) {
      return null;
    }
    BytePointer name = av_get_pix_fmt_name(format);
    return name == null ? null : name.getString();
  }

  static Integer bitDepth(int format) {
    if (format < 0) {
      return null;
    }
    AVPixFmtDescriptor desc = av_pix_fmt_desc_get(format);
    return desc == null ? null : desc.comp(0).depth();
  }

  /** The text of a NUL-terminated UTF-8 string that FFmpeg wrote into {@code buf}. */
  static String cString(byte[] buf) {
    int len = 0;
    while (len < buf.length && buf[len] != 0) {
      len++;
    }
    return new String(buf, 0, len, java.nio.charset.StandardCharsets.UTF_8);
  }
}
