package dev.reel.identify;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a name says about a file, as guessit-named properties in a fixed order. Values are String,
 * Integer, LocalDate (date) or a List of those; absent properties are not in the map.
 */
public record Identity(String input, Map<String, Object> properties) {
  /** The order properties are reported in. */
  static final List<String> ORDER =
      List.of(
          "type",
          "title",
          "alternative_title",
          "film_title",
          "film",
          "year",
          "country",
          "season",
          "episode",
          "absolute_episode",
          "date",
          "episode_title",
          "episode_details",
          "part",
          "cd",
          "disc",
          "volume",
          "edition",
          "extra",
          "bonus",
          "bonus_title",
          "screen_size",
          "source",
          "other",
          "video_codec",
          "video_profile",
          "color_depth",
          "audio_codec",
          "audio_profile",
          "audio_channels",
          "streaming_service",
          "language",
          "subtitle_language",
          "proper_count",
          "version",
          "crc32",
          "website",
          "release_group",
          "container");

  private static final Map<String, Integer> RANK = rank();

  private static Map<String, Integer> rank() {
    Map<String, Integer> rank = new java.util.HashMap<>();
    for (int i = 0; i < ORDER.size(); i++) {
      rank.put(ORDER.get(i), i);
    }
    return Map.copyOf(rank);
  }

  public Identity {
    // ordered by rank, others after in their own order: a counting pass, no sort
    Object[] ranked = new Object[ORDER.size()];
    Map<String, Object> ordered = new LinkedHashMap<>();
    List<Map.Entry<String, Object>> others = null;
    for (Map.Entry<String, Object> e : properties.entrySet()) {
      Integer r = RANK.get(e.getKey());
      if (r != null) {
        ranked[r] = e;
      } else {
        if (others == null) {
          others = new java.util.ArrayList<>();
        }
        others.add(e);
      }
    }
    for (Object o : ranked) {
      if (o instanceof Map.Entry<?, ?> e) {
        ordered.put((String) e.getKey(), e.getValue());
      }
    }
    if (others != null) {
      for (Map.Entry<String, Object> e : others) {
        ordered.put(e.getKey(), e.getValue());
      }
    }
    properties = Collections.unmodifiableMap(ordered);
  }

  /** How sure this reading is, and why not more. */
  public Confidence confidence() {
    return Confidence.of(this);
  }

  public String type() {
    return (String) properties.get("type");
  }

  public String title() {
    return (String) properties.get("title");
  }

  public Integer year() {
    return (Integer) properties.get("year");
  }

  public LocalDate date() {
    return (LocalDate) properties.get("date");
  }

  /** The seasons, empty when none. */
  public List<Integer> seasons() {
    return ints("season");
  }

  /** The episodes, empty when none. */
  public List<Integer> episodes() {
    return ints("episode");
  }

  /** The kind of extra (trailer, sample, featurette...), or null for the main feature. */
  public String extra() {
    return (String) properties.get("extra");
  }

  private List<Integer> ints(String key) {
    Object v = properties.get(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof Integer i) {
      return List.of(i);
    }
    return ((List<?>) v).stream().map(Integer.class::cast).toList();
  }
}
