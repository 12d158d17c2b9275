package dev.reel.render;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One clip of a timeline: a range of a source file.
 *
 * @param where the clip's place in its edit list, for messages ("timeline.edl:12", "clip 3")
 */
public record TimelineClip(Path source, double startSeconds, double endSeconds, String where) {
  public TimelineClip {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(where, "where");
    if (!(startSeconds >= 0)) {
      throw new IllegalArgumentException(
          where + ": start (" + startSeconds + "s) must not be negative");
    }
    if (!(endSeconds > startSeconds)) {
      throw new IllegalArgumentException(
          where + ": start (" + startSeconds + "s) must be before end (" + endSeconds + "s)");
    }
  }

  public double durationSeconds() {
    return endSeconds - startSeconds;
  }
}
