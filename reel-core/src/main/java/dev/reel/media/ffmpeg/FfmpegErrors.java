package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EXIT;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

/** The one place where FFmpeg's negative return codes become exceptions and messages. */
final class FfmpegErrors {
  private FfmpegErrors() {}

  /**
   * Returns {@code ret} when it is not negative, else throws with FFmpeg's text for it.
   *
   * @param function the FFmpeg function that returned {@code ret}
   * @param file the file it worked on, for the message
   */
  static int check(int ret, String function, String file) {
    if (ret < 0) {
      throw new FfmpegException(ret, text(ret), function, file);
    }
    return ret;
  }

  /** FFmpeg's description of an error code, lower-case as reel prints messages. */
  static String text(int code) {
    if (code == AVERROR_EXIT) {
      return "aborted";
    }
    if (code == AVERROR_EOF) {
      return "end of file";
    }
    byte[] buf = new byte[256];
    if (av_strerror(code, buf, buf.length) < 0) {
      return "ffmpeg error " + code;
    }
    String s = FfmpegNames.cString(buf);
    return s.isEmpty()
        ? "ffmpeg error " + code
        : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
