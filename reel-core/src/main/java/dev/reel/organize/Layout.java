package dev.reel.organize;

import java.util.Locale;
import java.util.Map;

/**
 * A media server's naming guide: where movies, episodes and extras go and how they are named.
 * Plex's and Jellyfin's guides agree on folders ({@code Show (Year)/Season 01}, {@code Movie
 * (Year)}) and differ on episode numbers and editions ({@code {edition-...}} is Plex's).
 */
public enum Layout {
  PLEX(
      "{title}[ ({year})]/{title}[ ({year})][ {{edition-{edition}}}][ - pt{part}]",
      "{title}[ ({year})]/Season {season:2}/{title}[ ({year})] -"
          + " [s{season:2}e{episode_range:2}][{date}][ - {episode_title}]",
      Map.of(
          "trailer", "Trailers",
          "featurette", "Featurettes",
          "behind_the_scenes", "Behind The Scenes",
          "deleted_scene", "Deleted Scenes",
          "interview", "Interviews",
          "scene", "Scenes",
          "short", "Shorts",
          "other", "Other")),
  JELLYFIN(
      "{title}[ ({year})]/{title}[ ({year})][ - {edition}][ - pt{part}]",
      "{title}[ ({year})]/Season {season:2}/{title}[ ({year})]"
          + " [S{season:2}E{episode_range:2}][{date}][ - {episode_title}]",
      Map.of(
          "trailer", "trailers",
          "featurette", "featurettes",
          "behind_the_scenes", "behind the scenes",
          "deleted_scene", "deleted scenes",
          "interview", "interviews",
          "scene", "scenes",
          "short", "shorts",
          "other", "extras"));

  private final String movieFormat;
  private final String episodeFormat;
  private final Map<String, String> extraFolders;

  Layout(String movieFormat, String episodeFormat, Map<String, String> extraFolders) {
    this.movieFormat = movieFormat;
    this.episodeFormat = episodeFormat;
    this.extraFolders = extraFolders;
  }

  /** The default movie format; with versions kept, the resolution is added to the name. */
  public String movieFormat(boolean keepVersions) {
    return keepVersions ? movieFormat + "[ - {resolution}]" : movieFormat;
  }

  public String episodeFormat(boolean keepVersions) {
    return keepVersions ? episodeFormat + "[ - {resolution}]" : episodeFormat;
  }

  /**
   * A format with the TMDB id in its first folder, as this layout's server reads it: Plex {@code
   * Title (Year) {tmdb-603}}, Jellyfin {@code Title (Year) [tmdbid-603]} (left out without an id).
   */
  public String withIds(String format) {
    String tag = this == PLEX ? "[ {{tmdb-{tmdb}}}]" : "[ [[tmdbid-{tmdb}]]]";
    int slash = format.indexOf('/');
    return slash < 0 ? format : format.substring(0, slash) + tag + format.substring(slash);
  }

  /** The folder an extra of this kind goes in, next to its movie or show. */
  public String extraFolder(String kind) {
    return extraFolders.getOrDefault(kind, extraFolders.get("other"));
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
