package dev.reel.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The best of TMDB's search results for a name, with a confidence (0..1): title similarity (the
 * better of the title and the original title) weighs 0.6, year agreement 0.25 (the name gave none:
 * half), popularity against the others found 0.15. When the runner-up comes within 0.1, the
 * confidence is at most 0.5 plus twice the margin: two shows of one name are a guess.
 *
 * @param id TMDB's id
 * @param title TMDB's title
 * @param year the first air or release year, or null
 */
public record TmdbMatch(long id, String title, Integer year, double confidence) {

  /** Which search: a show (search/tv) or a movie (search/movie). */
  enum Kind {
    TV("name", "original_name", "first_air_date"),
    MOVIE("title", "original_title", "release_date");

    final String titleField;
    final String originalField;
    final String dateField;

    Kind(String titleField, String originalField, String dateField) {
      this.titleField = titleField;
      this.originalField = originalField;
      this.dateField = dateField;
    }
  }

  /** The best result of a search answer, if there is any result. */
  static Optional<TmdbMatch> best(JsonNode answer, Kind kind, String title, Integer year) {
    JsonNode results = answer.path("results");
    if (!results.isArray() || results.isEmpty()) {
      return Optional.empty();
    }
    double maxPopularity = 0;
    for (JsonNode r : results) {
      maxPopularity = Math.max(maxPopularity, r.path("popularity").asDouble(0));
    }
    List<TmdbMatch> scored = new ArrayList<>();
    for (JsonNode r : results) {
      String name = r.path(kind.titleField).asText("");
      if (name.isEmpty() || !r.hasNonNull("id")) {
        continue;
      }
      double similar =
          Math.max(
              TitleSimilarity.of(title, name),
              TitleSimilarity.of(title, r.path(kind.originalField).asText("")));
      Integer found = year(r.path(kind.dateField).asText(""));
      double yearScore =
          year == null || found == null
              ? 0.5
              : year.equals(found) ? 1 : Math.abs(year - found) == 1 ? 0.6 : 0;
      double popular = maxPopularity > 0 ? r.path("popularity").asDouble(0) / maxPopularity : 0;
      double confidence = 0.6 * similar + 0.25 * yearScore + 0.15 * popular;
      scored.add(new TmdbMatch(r.path("id").asLong(), name, found, confidence));
    }
    if (scored.isEmpty()) {
      return Optional.empty();
    }
    scored.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
    TmdbMatch top = scored.get(0);
    if (scored.size() > 1) {
      double margin = top.confidence() - scored.get(1).confidence();
      if (margin < 0.1) {
        double capped = Math.min(top.confidence(), 0.5 + 2 * margin);
        top = new TmdbMatch(top.id(), top.title(), top.year(), capped);
      }
    }
    return Optional.of(top);
  }

  private static Integer year(String date) {
    return date.length() >= 4 && date.substring(0, 4).chars().allMatch(Character::isDigit)
        ? Integer.parseInt(date.substring(0, 4))
        : null;
  }
}
