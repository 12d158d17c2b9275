package dev.reel.probe;

import dev.reel.media.ProbeDepth;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What to probe and how.
 *
 * @param paths files and folders; folders are walked recursively
 * @param extensions lower-case extensions (no dot) of the files kept when walking folders
 * @param includeHidden whether hidden files and folders (names starting with a dot) are walked
 * @param depth header only, or deep
 * @param timeout how long one file may take
 * @param workers how many files are probed at once
 */
public record ProbeRequest(
    List<Path> paths,
    Set<String> extensions,
    boolean includeHidden,
    ProbeDepth depth,
    Duration timeout,
    int workers) {

  /**
   * The video extensions kept by default: today's containers, DVD and Blu-ray rips (vob, m2ts),
   * camcorders (mts, dv, mxf) and the older kinds still found in collections.
   */
  public static final Set<String> VIDEO_EXTENSIONS =
      Set.of(
          "mkv", "mp4", "m4v", "avi", "mov", "wmv", "ts", "m2ts", "mts", "webm", "mpg", "mpeg",
          "m2v", "vob", "flv", "f4v", "ogv", "ogm", "3gp", "3g2", "divx", "asf", "rm", "rmvb",
          "mxf", "dv");

  public ProbeRequest {
    paths = List.copyOf(paths);
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("no path to probe");
    }
    extensions =
        extensions.stream()
            .map(e -> e.strip().toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""))
            .filter(e -> !e.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    Objects.requireNonNull(depth, "depth");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout (" + timeout + ") must be positive");
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers (" + workers + ") must be at least 1");
    }
  }
}
