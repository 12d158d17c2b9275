package dev.reel.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A model's reading of one name, as its strict JSON answer gives it.
 *
 * @param type episode, movie, or unknown (the model cannot tell)
 * @param title the show's or movie's title, null when unknown
 * @param year the movie's year or the show's first year, or null
 * @param season the season of an episode, or null
 * @param episodes the episodes, in order (empty for a movie)
 * @param extra the kind of extra (trailer, featurette... other), or null for a main feature
 */
record AiAnswer(
    String type, String title, Integer year, Integer season, List<Integer> episodes, String extra) {
  static final Set<String> EXTRAS =
      Set.of(
          "trailer",
          "featurette",
          "behind_the_scenes",
          "deleted_scene",
          "interview",
          "scene",
          "short",
          "other");

  AiAnswer {
    episodes = List.copyOf(episodes);
  }

  boolean known() {
    return !type.equals("unknown");
  }

  /** An answer is not what the schema says; the message says what. */
  static final class Malformed extends Exception {
    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  /** Reads one answer object (its id already taken); throws when any field breaks the schema. */
  static AiAnswer read(JsonNode a) throws Malformed {
    String type = a.path("type").isTextual() ? a.get("type").asText() : null;
    if (type == null
        || !(type.equals("episode") || type.equals("movie") || type.equals("unknown"))) {
      throw new Malformed("type must be episode, movie or unknown");
    }
    if (type.equals("unknown")) {
      return new AiAnswer(type, null, null, null, List.of(), null);
    }
    JsonNode t = a.get("title");
    if (t == null || !t.isTextual() || t.asText().isBlank() || t.asText().length() > 200) {
      throw new Malformed("no title");
    }
    Integer year = integer(a, "year", 1870, 2100);
    Integer season = integer(a, "season", 0, 999);
    List<Integer> episodes = new ArrayList<>();
    JsonNode e = a.get("episodes");
    if (e != null && !e.isNull()) {
      if (!e.isArray() || e.size() > 100) {
        throw new Malformed("episodes must be a list of numbers");
      }
      for (JsonNode n : e) {
        if (!n.isInt() || n.asInt() < 0 || n.asInt() > 9999) {
          throw new Malformed("episodes must be a list of numbers");
        }
        episodes.add(n.asInt());
      }
    }
    String extra = null;
    JsonNode x = a.get("extra");
    if (x != null && !x.isNull()) {
      if (x.isBoolean()) {
        extra = x.asBoolean() ? "other" : null;
      } else if (x.isTextual() && EXTRAS.contains(x.asText())) {
        extra = x.asText();
      } else {
        throw new Malformed("extra must be false or a kind of extra, not " + x);
      }
    }
    if (type.equals("movie") && (season != null || !episodes.isEmpty())) {
      throw new Malformed("a movie with a season or episodes");
    }
    if (type.equals("episode") && extra == null && episodes.isEmpty()) {
      throw new Malformed("an episode without episode numbers");
    }
    return new AiAnswer(type, t.asText().strip(), year, season, episodes, extra);
  }

  private static Integer integer(JsonNode a, String field, int min, int max) throws Malformed {
    JsonNode n = a.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isInt() || n.asInt() < min || n.asInt() > max) {
      throw new Malformed(field + " must be a number from " + min + " to " + max + ", not " + n);
    }
    return n.asInt();
  }

  /** The answer as the cache keeps it. */
  String toJson(ObjectMapper json) {
    ObjectNode o = json.createObjectNode();
    o.put("type", type);
    o.put("title", title);
    o.put("year", year);
    o.put("season", season);
    com.fasterxml.jackson.databind.node.ArrayNode list = o.putArray("episodes");
    episodes.forEach(list::add);
    o.put("extra", extra);
    return o.toString();
  }
}
