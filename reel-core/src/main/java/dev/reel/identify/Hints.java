package dev.reel.identify;

import java.util.List;

/**
 * What the caller already knows: the expected type, and titles that exist (library folder names),
 * which win over the parser's own reading when a name starts with one of them ("Open Season 2" is a
 * movie title, not season 2 of "Open").
 *
 * @param type "episode", "movie" or null for either
 * @param knownTitles titles to prefer, longest match first
 */
public record Hints(String type, List<String> knownTitles) {
  public static final Hints NONE = new Hints(null, List.of());

  public Hints {
    if (type != null && !type.equals("episode") && !type.equals("movie")) {
      throw new IllegalArgumentException("type must be episode or movie, not '" + type + "'");
    }
    knownTitles = List.copyOf(knownTitles);
  }
}
