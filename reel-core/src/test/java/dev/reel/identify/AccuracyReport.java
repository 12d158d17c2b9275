package dev.reel.identify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs the identifier over guessit's cases and anitomy's (test data in
 * src/test/resources/filenames, under their own licenses) and scores it. Every side goes through
 * the same normalisation: titles by case, punctuation and spaces; languages and countries to codes;
 * lists as sets.
 */
final class AccuracyReport {
  static final Set<String> CORE =
      Set.of(
          "type",
          "title",
          "year",
          "season",
          "episode",
          "absolute_episode",
          "date",
          "part",
          "edition",
          "other");
  static final Set<String> EXTRA_OTHER = Set.of("Trailer", "Sample", "Extras");
  private static final Set<String> TEXT =
      Set.of(
          "title",
          "alternative_title",
          "episode_title",
          "release_group",
          "film_title",
          "bonus_title",
          "website");

  final Map<String, int[]> perProperty = new TreeMap<>(); // property -> {right, total}
  final List<String> failures = new ArrayList<>();
  private Set<String> scored;
  int cases;
  int fullyRight;
  int coreRight;

  static AccuracyReport run(String file, Identifier identifier) throws IOException {
    return run(file, identifier, null);
  }

  /**
   * Scores only the expected properties named in {@code scored} (all of them when null): the anime
   * set is judged on what anime users sort by, as issue #8 states it.
   */
  static AccuracyReport run(String file, Identifier identifier, Set<String> scored)
      throws IOException {
    AccuracyReport r = new AccuracyReport();
    r.scored = scored;
    ObjectMapper json = new ObjectMapper();
    for (String line : lines(file)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode c = json.readTree(line);
      Identity id = identifier.identify(c.get("input").asText());
      r.score(c, id);
    }
    return r;
  }

  /** The lines of a data set in {@code src/test/resources/filenames} (see NOTICE.md there). */
  private static List<String> lines(String file) throws IOException {
    try (InputStream in = AccuracyReport.class.getResourceAsStream("/filenames/" + file)) {
      if (in == null) {
        throw new IllegalStateException(
            "test data /filenames/" + file + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  private void score(JsonNode c, Identity id) {
    cases++;
    boolean all = true;
    boolean core = true;
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, JsonNode> f : c.get("expected").properties()) {
      String key = f.getKey();
      if (scored != null && !scored.contains(key)) {
        continue;
      }
      Object ours = id.properties().get(key);
      boolean right =
          equal(key, f.getValue(), ours)
              || scored != null && sameRange(f.getValue(), ours)
              || scored != null && key.equals("title") && sameWithSubtitle(f.getValue(), id);
      int[] tally = perProperty.computeIfAbsent(key, k -> new int[2]);
      tally[1]++;
      if (right) {
        tally[0]++;
      } else {
        all = false;
        wrong.add(key + ": want " + f.getValue() + " got " + ours);
      }
      if (CORE.contains(key)) {
        if (key.equals("other")) {
          Set<String> want = norm(key, f.getValue());
          want.retainAll(lower(EXTRA_OTHER));
          Set<String> got = norm(key, ours);
          core &= got.containsAll(want);
        } else {
          core &= right;
        }
      }
    }
    JsonNode not = c.get("not_expected");
    if (not != null) {
      for (JsonNode k : not) {
        if (id.properties().containsKey(k.asText())) {
          all = false;
          wrong.add(k.asText() + ": should be absent, got " + id.properties().get(k.asText()));
        }
      }
    }
    if (all) {
      fullyRight++;
    } else {
      failures.add(c.get("input").asText() + "\n    " + String.join("\n    ", wrong));
    }
    if (core) {
      coreRight++;
    }
  }

  private static Set<String> lower(Set<String> s) {
    Set<String> out = new TreeSet<>();
    s.forEach(v -> out.add(v.toLowerCase(Locale.ROOT)));
    return out;
  }

  /**
   * anitomy writes a range of episodes by its ends ("13-15" is [13, 15]); reel, like guessit, lists
   * every episode of it. The same range either way.
   */
  static boolean sameRange(JsonNode expected, Object ours) {
    if (!expected.isArray() || expected.size() != 2 || !(ours instanceof List<?> l)) {
      return false;
    }
    int from = expected.get(0).asInt();
    int to = expected.get(1).asInt();
    if (to <= from + 1 || l.size() != to - from + 1) {
      return false;
    }
    for (int k = 0; k < l.size(); k++) {
      if (!Integer.valueOf(from + k).equals(l.get(k))) {
        return false;
      }
    }
    return true;
  }

  /**
   * anitomy's title is everything before the episode, "Tower of Druaga - Sword of Uruk"; reel, like
   * guessit, gives "Tower of Druaga" as the title and "Sword of Uruk" as the alternative title. The
   * same words either way.
   */
  static boolean sameWithSubtitle(JsonNode expected, Identity id) {
    Object alt = id.properties().get("alternative_title");
    return id.title() != null
        && alt instanceof String a
        && equal("title", expected, id.title() + " - " + a);
  }

  static boolean equal(String key, JsonNode expected, Object ours) {
    return ours != null && norm(key, expected).equals(norm(key, ours));
  }

  static Set<String> norm(String key, Object value) {
    Set<String> out = new TreeSet<>();
    if (value == null) {
      return out;
    }
    if (value instanceof JsonNode n) {
      if (n.isArray()) {
        n.forEach(v -> out.addAll(norm(key, v)));
        return out;
      }
      value = n.isIntegralNumber() ? (Object) n.asLong() : n.isNumber() ? n.asDouble() : n.asText();
    }
    if (value instanceof List<?> l) {
      l.forEach(v -> out.addAll(norm(key, v)));
      return out;
    }
    String s = value instanceof LocalDate d ? d.toString() : String.valueOf(value);
    out.add(normOne(key, s));
    return out;
  }

  private static String normOne(String key, String s) {
    return switch (key) {
      case "language", "subtitle_language" -> Languages.normalize(s);
      case "country" -> Languages.normalizeCountry(s);
      default ->
          TEXT.contains(key)
              ? s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip()
              : s.toLowerCase(Locale.ROOT).strip();
    };
  }

  double fullShare() {
    return fullyRight / (double) cases;
  }

  double coreShare() {
    return coreRight / (double) cases;
  }

  String table(String name) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%s: %d cases, %.1f%% fully correct, %.1f%% core correct%n",
            name,
            cases,
            100 * fullShare(),
            100 * coreShare()));
    perProperty.entrySet().stream()
        .sorted((a, b) -> Integer.compare(b.getValue()[1], a.getValue()[1]))
        .forEach(
            e ->
                sb.append(
                    String.format(
                        Locale.ROOT,
                        "  %-20s %5d/%-5d %5.1f%%%n",
                        e.getKey(),
                        e.getValue()[0],
                        e.getValue()[1],
                        100.0 * e.getValue()[0] / e.getValue()[1])));
    return sb.toString();
  }
}
