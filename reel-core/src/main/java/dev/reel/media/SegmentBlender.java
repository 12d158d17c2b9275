package dev.reel.media;

import java.nio.file.Path;

/**
 * Makes a cross-fade: two segments of one {@link SegmentFormat} (the end of one clip and the start
 * of the next, as long as each other) blended into one, the first fading out while the second fades
 * in, pictures and sound.
 */
public interface SegmentBlender {
  /**
   * Writes the blend of {@code from} into {@code to} to {@code target} (its container from its
   * name), as long as the shorter of the two.
   *
   * @return {@link ClipCutter.Result.Cut} (its times are 0 and the blend's length) or {@link
   *     ClipCutter.Result.Failed} with a one-line reason
   */
  ClipCutter.Result blend(Path from, Path to, Path target, SegmentFormat format);
}
