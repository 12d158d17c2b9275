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
    return of(layout, safeNames, keepVersions, false);
  }

  /** A layout's own formats, with TMDB ids in the show's and movie's folder when {@code ids}. */
  public static Naming of(Layout layout, SafeNames safeNames, boolean keepVersions, boolean ids) {
    String movie = layout.movieFormat(keepVersions);
    String episode = layout.episodeFormat(keepVersions);
    return new Naming(
        layout,
        NameTemplate.parse(ids ? layout.withIds(movie) : movie),
        NameTemplate.parse(ids ? layout.withIds(episode) : episode),
        safeNames,
        keepVersions);
  }
}
