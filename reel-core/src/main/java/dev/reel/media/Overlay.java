package dev.reel.media;

/**
 * A picture laid over a segment's pictures for a while (a title card): full-frame planes in the
 * segment format's yuv420p, each with its own coverage (0 = the video shows, 255 = the overlay
 * does), faded in and out.
 *
 * @param y luma, width x height
 * @param u blue-difference chroma, (width / 2) x (height / 2)
 * @param v red-difference chroma, as {@code u}
 * @param alpha coverage of each luma sample, width x height
 * @param alphaHalf coverage of each chroma sample, as {@code u}
 * @param fromSeconds where it appears, in seconds from the segment's start
 * @param toSeconds where it is gone
 * @param fadeSeconds how long it takes to appear and to go
 */
public record Overlay(
    int width,
    int height,
    byte[] y,
    byte[] u,
    byte[] v,
    byte[] alpha,
    byte[] alphaHalf,
    double fromSeconds,
    double toSeconds,
    double fadeSeconds) {
  public Overlay {
    int full = width * height;
    int half = (width / 2) * (height / 2);
    if (y.length != full
        || alpha.length != full
        || u.length != half
        || v.length != half
        || alphaHalf.length != half) {
      throw new IllegalArgumentException("overlay planes do not match " + width + "x" + height);
    }
    if (!(toSeconds > fromSeconds) || fadeSeconds < 0) {
      throw new IllegalArgumentException("an overlay needs a time to show");
    }
  }

  /** How much of the overlay shows at {@code t} seconds into the segment (0..1). */
  public double opacity(double t) {
    if (t < fromSeconds || t >= toSeconds) {
      return 0;
    }
    if (fadeSeconds <= 0) {
      return 1;
    }
    return Math.min(1, Math.min((t - fromSeconds) / fadeSeconds, (toSeconds - t) / fadeSeconds));
  }
}
