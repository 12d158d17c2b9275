package dev.reel.media;

import java.nio.file.Path;
import java.util.List;

/** Joins segments that share their streams' formats into one file, by stream copy. */
public interface SegmentJoiner {
  /**
   * Writes the segments one after the other to {@code target} (its container from its name, which
   * {@code nameForFormat} gives when {@code target} is a temporary name).
   *
   * @return the output's duration in seconds
   * @throws IllegalStateException with a one-line message when a segment cannot be read or its
   *     streams do not match the first segment's
   */
  double join(List<Path> segments, Path target, String nameForFormat);
}
