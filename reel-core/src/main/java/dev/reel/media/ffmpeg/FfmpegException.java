package dev.reel.media.ffmpeg;

/** An FFmpeg call failed; the message names FFmpeg's reason, the function and the file. */
public final class FfmpegException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int code;
  private final String reason;
  private final String function;

  FfmpegException(int code, String reason, String function, String file) {
    super(reason + " (" + function + " on " + file + ")");
    this.code = code;
    this.reason = reason;
    this.function = function;
  }

  /** FFmpeg's negative error code (an {@code AVERROR}), or -1 when reel itself refused. */
  public int code() {
    return code;
  }

  /** The reason and the function, without the file: for reports that print the file anyway. */
  public String reasonAndFunction() {
    return reason + " (" + function + ")";
  }
}
