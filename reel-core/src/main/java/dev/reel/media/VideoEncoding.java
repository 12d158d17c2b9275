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

  /** x264's and x265's speed presets, fastest first. */
  public static final java.util.List<String> PRESETS =
      java.util.List.of(
          "ultrafast",
          "superfast",
          "veryfast",
          "faster",
          "fast",
          "medium",
          "slow",
          "slower",
          "veryslow",
          "placebo");

  /** The codec a user's word means: {@code hevc} and {@code x265} are {@code h265}. */
  public static String codecName(String word) {
    return word.equals("hevc") || word.equals("x265") ? "h265" : word;
  }

  public VideoEncoding {
    if (preset != null && !PRESETS.contains(preset)) {
      throw new IllegalArgumentException(
          "--preset must be one of " + String.join(", ", PRESETS) + ", not '" + preset + "'");
    }
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
