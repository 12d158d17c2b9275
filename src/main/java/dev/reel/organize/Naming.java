package dev.reel.organize;

import java.util.Objects;

/**
 * How targets are named: the layout, the two formats in use, name safety, and whether several
 * versions (resolutions) of one movie or episode are all kept.
 */
public record Naming(
    Layout layout,
    NameTemplate movieFormat,
    NameTemplate episodeFormat,
    SafeNames safeNames,
    boolean keepVersions) {
  public Naming {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(movieFormat, "movieFormat");
    Objects.requireNonNull(episodeFormat, "episodeFormat");
    Objects.requireNonNull(safeNames, "safeNames");
  }

  /** A layout's own formats. */
  public static Naming of(Layout layout, SafeNames safeNames, boolean keepVersions) {
    return new Naming(
        layout,
        NameTemplate.parse(layout.movieFormat(keepVersions)),
        NameTemplate.parse(layout.episodeFormat(keepVersions)),
        safeNames,
        keepVersions);
  }
}
