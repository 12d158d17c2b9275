package dev.reel.media;

/**
 * How a render encodes its video.
 *
 * @param codec {@code h264} (x264 in the GPL build, OpenH264 in the default one) or {@code h265}
 *     (x265, GPL build only)
 * @param crf x264/x265 constant rate factor (0-51, lower is better), or null
 * @param bitrate target bits per second, or null (then crf, or a rate from the picture size)
 * @param preset x264/x265 speed preset ({@code ultrafast} ... {@code veryslow}), or null for the
 *     encoder's default
 */
public record VideoEncoding(String codec, Integer crf, Long bitrate, String preset) {
  /** H.264 at the encoder's defaults: what a render gives without options. */
  public static final VideoEncoding DEFAULT = new VideoEncoding("h264", null, null, null);

  public VideoEncoding {
    if (!"h264".equals(codec) && !"h265".equals(codec)) {
      throw new IllegalArgumentException("--codec must be h264 or h265, not '" + codec + "'");
    }
    if (crf != null && (crf < 0 || crf > 51)) {
      throw new IllegalArgumentException("--crf must be from 0 to 51, not " + crf);
    }
    if (bitrate != null && bitrate < 10_000) {
      throw new IllegalArgumentException("--bitrate must be at least 10k, not " + bitrate);
    }
    if (crf != null && bitrate != null) {
      throw new IllegalArgumentException("give --crf or --bitrate, not both");
    }
  }
}
