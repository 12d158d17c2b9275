package dev.reel.identify;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells whether a file is an extra and which kind, from Plex/Jellyfin extras folders
 * ("Featurettes", "Behind The Scenes"), from local-extra name suffixes ("-trailer", "-deleted") and
 * from name flags (Trailer, Sample).
 */
final class Extras {
  private static final Map<String, String> FOLDERS =
      Map.ofEntries(
          Map.entry("trailers", "trailer"),
          Map.entry("featurettes", "featurette"),
          Map.entry("behind the scenes", "behind_the_scenes"),
          Map.entry("deleted scenes", "deleted_scene"),
          Map.entry("interviews", "interview"),
          Map.entry("scenes", "scene"),
          Map.entry("shorts", "short"),
          Map.entry("other", "other"),
          Map.entry("extras", "other"),
          Map.entry("samples", "sample"),
          Map.entry("sample", "sample"));
  private static final Map<String, String> SUFFIXES =
      Map.ofEntries(
          Map.entry("trailer", "trailer"),
          Map.entry("featurette", "featurette"),
          Map.entry("behindthescenes", "behind_the_scenes"),
          Map.entry("deleted", "deleted_scene"),
          Map.entry("deletedscene", "deleted_scene"),
          Map.entry("interview", "interview"),
          Map.entry("scene", "scene"),
          Map.entry("short", "short"),
          Map.entry("other", "other"),
          Map.entry("extra", "other"),
          Map.entry("sample", "sample"));

  private static final java.util.regex.Pattern NON_LETTERS =
      java.util.regex.Pattern.compile("[^a-z]+");

  private Extras() {}

  static String detect(List<String> segments, Map<String, Object> props) {
    String file = segments.get(segments.size() - 1).toLowerCase(Locale.ROOT);
    int dot = file.lastIndexOf('.');
    String stem = dot > 0 ? file.substring(0, dot) : file;
    int dash = stem.lastIndexOf('-');
    if (dash > 0) {
      StringBuilder letters = new StringBuilder(stem.length() - dash);
      for (int k = dash + 1; k < stem.length(); k++) {
        char c = stem.charAt(k);
        if (c >= 'a' && c <= 'z') {
          letters.append(c);
        }
      }
      String suffix = letters.toString();
      String kind = SUFFIXES.get(suffix);
      if (kind != null) {
        return kind;
      }
    }
    for (int i = segments.size() - 2; i >= 0 && i >= segments.size() - 3; i--) {
      String kind = FOLDERS.get(segments.get(i).toLowerCase(Locale.ROOT));
      if (kind != null) {
        return kind;
      }
    }
    Object other = props.get("other");
    if (MatchProperties.holds(other, "Trailer")) {
      return "trailer";
    }
    if (MatchProperties.holds(other, "Sample")) {
      return "sample";
    }
    if (!stem.contains("featurette")
        && !stem.contains("behind")
        && !stem.contains("making")
        && !stem.contains("deleted")) {
      return null; // the common case: no extra words at all
    }
    String words = NON_LETTERS.matcher(stem).replaceAll(" ");
    if (words.contains("featurette")) {
      return "featurette";
    }
    if (words.contains("behind the scenes") || words.contains("making of")) {
      return "behind_the_scenes";
    }
    if (words.contains("deleted scene")) {
      return "deleted_scene";
    }
    return null;
  }
}
