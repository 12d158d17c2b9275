package dev.reel.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reel.concurrent.StopToken;
import dev.reel.organize.Subject;
import dev.reel.organize.SubjectRefiner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Organize's TMDB lookup: canonical titles and years for shows and movies, and episode titles. Each
 * show (title and year as the names say them) is searched once and each (show, season) asked once,
 * however many files share them. A match below the minimum confidence marks its files {@link
 * Subject.Kind#AMBIGUOUS} (left where they are) unless strict is off; a title TMDB does not know,
 * or no answer at all (offline), leaves the names' own reading.
 */
public final class TmdbRefiner implements SubjectRefiner {
  private final TmdbClient client;
  private final double minConfidence;
  private final boolean strict;
  private final Consumer<String> notes;
  private final Map<String, Optional<TmdbMatch>> searched = new HashMap<>();
  private final Map<String, Map<Integer, String>> seasons = new HashMap<>();

  /**
   * @param minConfidence below it a match is a guess (0..1)
   * @param strict leave guesses alone (true) or take the best match (false)
   * @param notes one line at the end: what was matched, what was ambiguous
   */
  public TmdbRefiner(
      TmdbClient client, double minConfidence, boolean strict, Consumer<String> notes) {
    this.client = client;
    this.minConfidence = minConfidence;
    this.strict = strict;
    this.notes = notes;
  }

  @Override
  public Map<Subject, Subject> refine(Set<Subject> subjects, StopToken stop) {
    Map<Subject, Subject> out = new LinkedHashMap<>();
    List<String> ambiguous = new ArrayList<>();
    int matched = 0;
    for (Subject s : subjects) {
      if (stop.isStopped()) {
        break;
      }
      if (s.title() == null
          || (s.kind() != Subject.Kind.EPISODE && s.kind() != Subject.Kind.MOVIE)) {
        continue;
      }
      TmdbMatch.Kind kind =
          s.kind() == Subject.Kind.EPISODE ? TmdbMatch.Kind.TV : TmdbMatch.Kind.MOVIE;
      Optional<TmdbMatch> m = match(kind, s.title(), s.year());
      if (m.isEmpty()) {
        continue;
      }
      TmdbMatch match = m.get();
      if (match.confidence() < minConfidence && strict) {
        out.put(s, s.ambiguous());
        String line =
            String.format(
                Locale.ROOT, "'%s' (best: %s, %.2f)", s.title(), match.title(), match.confidence());
        if (!ambiguous.contains(line)) {
          ambiguous.add(line);
        }
        continue;
      }
      String episodeTitle = s.episodeTitle();
      if (kind == TmdbMatch.Kind.TV
          && !s.episodes().isEmpty()
          && s.date() == null
          && s.season() != null) {
        Map<Integer, String> titles = season(match.id(), s.season());
        List<String> names = new ArrayList<>();
        for (int e : s.episodes()) {
          String t = titles.get(e);
          if (t != null) {
            names.add(t);
          }
        }
        if (!names.isEmpty()) {
          episodeTitle = String.join(" & ", names);
        }
      }
      out.put(
          s,
          s.named(
              match.title(),
              match.year() != null ? match.year() : s.year(),
              episodeTitle,
              match.id()));
      matched++;
    }
    client.finishRun();
    notes.accept(
        String.format(
            Locale.ROOT,
            "TMDB: %d of %d readings matched (%d shows and movies searched), %d ambiguous (left alone)%s;"
                + " %d requests",
            matched,
            subjects.size(),
            searched.size(),
            ambiguous.size(),
            ambiguous.isEmpty()
                ? ""
                : ": "
                    + String.join(", ", ambiguous.subList(0, Math.min(5, ambiguous.size())))
                    + (ambiguous.size() > 5 ? ", ..." : ""),
            client.requests()));
    return out;
  }

  /**
   * What TMDB makes of one reading, for {@code reel identify --lookup}: its id, title, year,
   * confidence, whether that is a guess, and the episode's title; empty when TMDB knows nothing (or
   * cannot be asked).
   */
  public Map<String, Object> describe(Subject s) {
    if (s.title() == null || (s.kind() != Subject.Kind.EPISODE && s.kind() != Subject.Kind.MOVIE)) {
      return Map.of();
    }
    TmdbMatch.Kind kind =
        s.kind() == Subject.Kind.EPISODE ? TmdbMatch.Kind.TV : TmdbMatch.Kind.MOVIE;
    Optional<TmdbMatch> m = match(kind, s.title(), s.year());
    if (m.isEmpty()) {
      return Map.of();
    }
    TmdbMatch match = m.get();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", match.id());
    out.put("title", match.title());
    out.put("year", match.year());
    out.put("confidence", Math.round(match.confidence() * 100) / 100.0);
    out.put("ambiguous", match.confidence() < minConfidence);
    if (kind == TmdbMatch.Kind.TV
        && s.episodes().size() == 1
        && s.date() == null
        && s.season() != null) {
      String t = season(match.id(), s.season()).get(s.episodes().get(0));
      if (t != null) {
        out.put("episode_title", t);
      }
    }
    return out;
  }

  /** The best match for a title: searched once per (kind, title, year) in a run. */
  Optional<TmdbMatch> match(TmdbMatch.Kind kind, String title, Integer year) {
    String key = kind + "|" + TitleSimilarity.plain(title) + "|" + year;
    Optional<TmdbMatch> known = searched.get(key);
    if (known != null) {
      return known;
    }
    Optional<TmdbMatch> found = search(kind, title, year);
    if (found.isEmpty() && year != null) {
      found = search(kind, title, null); // the name's year may be wrong: once more without it
    }
    searched.put(key, found);
    return found;
  }

  private Optional<TmdbMatch> search(TmdbMatch.Kind kind, String title, Integer year) {
    Map<String, String> query = new HashMap<>();
    query.put("query", title);
    if (year != null) {
      query.put(kind == TmdbMatch.Kind.TV ? "first_air_date_year" : "year", year.toString());
    }
    TmdbClient.Reply r =
        client.get(kind == TmdbMatch.Kind.TV ? "search/tv" : "search/movie", query);
    return r instanceof TmdbClient.Reply.Answer a
        ? TmdbMatch.best(a.body(), kind, title, year)
        : Optional.empty();
  }

  /** Episode number to title for a show's season: asked once per (show, season) in a run. */
  private Map<Integer, String> season(long show, int season) {
    return seasons.computeIfAbsent(
        show + "|" + season,
        k -> {
          Map<Integer, String> titles = new HashMap<>();
          if (client.get("tv/" + show + "/season/" + season, Map.of())
              instanceof TmdbClient.Reply.Answer a) {
            for (JsonNode e : a.body().path("episodes")) {
              String name = e.path("name").asText("");
              if (e.hasNonNull("episode_number") && !name.isBlank()) {
                titles.put(e.path("episode_number").asInt(), name);
              }
            }
          }
          return titles;
        });
  }
}
