package dev.reel.media;

/**
 * The one format every segment of an encoded render is normalised to: picture size (sources of
 * another shape are letterboxed, never stretched), frame rate, and audio rate and channels.
 *
 * @param fpsNum the frame rate's numerator (30000 for 29.97)
 * @param fpsDen the frame rate's denominator (1001 for 29.97)
 * @param video the codec and its settings
 */
public record SegmentFormat(
    int width,
    int height,
    int fpsNum,
    int fpsDen,
    int sampleRate,
    int channels,
    VideoEncoding video) {
  /** H.264 at the encoder's defaults. */
  public SegmentFormat(
      int width, int height, int fpsNum, int fpsDen, int sampleRate, int channels) {
    this(width, height, fpsNum, fpsDen, sampleRate, channels, VideoEncoding.DEFAULT);
  }

  public SegmentFormat {
    java.util.Objects.requireNonNull(video, "video");
    if (width < 2 || height < 2 || width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException(
          "size " + width + "x" + height + " must be even and at least 2x2");
    }
    if (fpsNum <= 0 || fpsDen <= 0) {
      throw new IllegalArgumentException("the frame rate must be positive");
    }
    if (sampleRate <= 0 || channels < 1 || channels > 2) {
      throw new IllegalArgumentException("audio must be mono or stereo at a positive rate");
    }
  }

  public double fps() {
    return fpsNum / (double) fpsDen;
  }
}
