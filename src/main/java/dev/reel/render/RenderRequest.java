package dev.reel.render;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to render.
 *
 * @param clips the timeline, in order
 * @param out the output file (its container from its extension)
 * @param workers sources probed and segments cut at once
 * @param timeout the time one segment may take
 */
public record RenderRequest(
    String editList,
    List<TimelineClip> clips,
    Path out,
    boolean overwrite,
    int workers,
    Duration timeout) {
  public RenderRequest {
    clips = List.copyOf(clips);
    Objects.requireNonNull(out, "out");
    if (workers < 1) {
      throw new IllegalArgumentException("--workers must be at least 1");
    }
  }
}
