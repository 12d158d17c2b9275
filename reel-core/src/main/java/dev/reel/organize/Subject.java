package dev.reel.organize;

import dev.reel.identify.Confidence;
import dev.reel.identify.Identity;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a video is, as far as its place in a library goes: the few properties of its {@link
 * Identity} that name it.
 *
 * @param kind episode, movie, extra or unknown
 * @param title the show's or movie's title, or null when the name gave none
 * @param season the season (0 for specials; the date's year for a date-based episode), or null
 * @param episodes the episodes, in order, empty when none
 * @param date the air date of a date-based episode, or null
 * @param edition "Director's Cut", "Extended IMAX"..., or null
 * @param part the part or CD number of a movie split in several files, or null
 * @param extra the kind of extra (trailer, featurette...), or null for a main feature
 * @param screenSize the resolution the name says ("1080p"), or null
 * @param tmdbId TMDB's id of the show or movie, when an online lookup matched it, else null
 */
public record Subject(
    Kind kind,
    String title,
    Integer year,
    Integer season,
    List<Integer> episodes,
    LocalDate date,
    String episodeTitle,
    String edition,
    Integer part,
    String extra,
    String screenSize,
    Long tmdbId) {

  /** What a file is to a library. */
  public enum Kind {
    EPISODE,
    MOVIE,
    EXTRA,
    UNKNOWN,
    /** An online lookup was not sure which show or movie the name means: left where it is. */
    AMBIGUOUS;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Subject {
    Objects.requireNonNull(kind, "kind");
    episodes = List.copyOf(episodes);
  }

  /** Reads a subject from an identity: an episode needs a title and an episode or a date. */
  public static Subject of(Identity id) {
    String title = blankToNull(id.title());
    String extra = id.extra();
    Integer season = id.seasons().isEmpty() ? null : id.seasons().get(0);
    List<Integer> episodes = id.episodes();
    LocalDate date = id.date();
    String edition = text(id.properties().get("edition"));
    Integer part = integer(id.properties().get("part"));
    if (part == null) {
      part = integer(id.properties().get("cd"));
    }
    String episodeTitle = blankToNull(text(id.properties().get("episode_title")));
    String screen = text(id.properties().get("screen_size"));
    Kind kind;
    if (extra != null) {
      kind = "sample".equals(extra) ? Kind.UNKNOWN : Kind.EXTRA;
    } else if (title == null) {
      kind = Kind.UNKNOWN;
    } else if ("episode".equals(id.type()) && (!episodes.isEmpty() || date != null)) {
      kind = Kind.EPISODE;
      if (season == null) {
        season = date != null && episodes.isEmpty() ? date.getYear() : 1;
      }
    } else if ("episode".equals(id.type())) {
      kind = Kind.UNKNOWN; // a season pack or a show name alone: no place for one file
    } else {
      kind = Kind.MOVIE;
    }
    Integer year = id.year();
    if (kind == Kind.EPISODE && date != null && year != null && year == date.getYear()) {
      // "Season 2024" folders and the air date say the same year: it is not the show's year
      year = null;
    }
    return new Subject(
        kind,
        title,
        year,
        season,
        episodes,
        date,
        episodeTitle,
        edition,
        part,
        extra,
        screen,
        null);
  }

  /** This subject under a canonical title and year (an online lookup's), with an episode title. */
  public Subject named(
      String canonicalTitle, Integer canonicalYear, String canonicalEpisodeTitle, Long id) {
    return copy(kind, canonicalTitle, canonicalYear, canonicalEpisodeTitle, id);
  }

  /**
   * Why the name's own reading of this subject may be wrong, or empty when it looks sure: the
   * doubts of identify's {@link Confidence} at or below {@link Confidence#DOUBTFUL} (no title, a
   * bracket or a tag-like word left in it, a title of digits, an episode without its number, a
   * movie without a year), and a show's file that has no place without an episode number. Such
   * names are the ones worth a second reading (an AI model's).
   */
  public java.util.Optional<String> doubt() {
    if (extra != null) {
      return java.util.Optional.empty(); // the folder or the name said so
    }
    if (title != null && kind == Kind.UNKNOWN) {
      return java.util.Optional.of("a show without an episode number");
    }
    Confidence c =
        Confidence.of(
            title,
            kind == Kind.EPISODE,
            !episodes.isEmpty(),
            season != null,
            date != null,
            year != null);
    return c.value() <= Confidence.DOUBTFUL
        ? java.util.Optional.of(c.doubts().get(0))
        : java.util.Optional.empty();
  }

  /**
   * This file read again as {@code kind} (a second reading's): its title, year, season and
   * episodes, or the kind of extra; what only the name's tags say (edition, part, screen size)
   * stays.
   */
  public Subject readAs(
      Kind newKind,
      String newTitle,
      Integer newYear,
      Integer newSeason,
      List<Integer> newEpisodes,
      String newExtra) {
    boolean movie = newKind == Kind.MOVIE;
    return new Subject(
        newKind,
        newTitle,
        newYear,
        newSeason,
        newEpisodes,
        null,
        null,
        movie ? edition : null,
        movie ? part : null,
        newExtra,
        screenSize,
        null);
  }

  /** This subject marked as one an online lookup could not tell for sure. */
  public Subject ambiguous() {
    return copy(Kind.AMBIGUOUS, title, year, episodeTitle, tmdbId);
  }

  private Subject copy(Kind k, String t, Integer y, String et, Long id) {
    return new Subject(k, t, y, season, episodes, date, et, edition, part, extra, screenSize, id);
  }

  /**
   * The key under which two files are the same episode or movie: title (letters and digits only,
   * lower case), year, and season and episodes, or edition and part.
   */
  public String key() {
    String t = title == null ? "" : normalize(title);
    return switch (kind) {
      case EPISODE ->
          "e|" + t + "|" + (year == null ? "" : year) + "|" + season + "|" + episodes + "|" + date;
      case MOVIE ->
          "m|"
              + t
              + "|"
              + (year == null ? "" : year)
              + "|"
              + (edition == null ? "" : normalize(edition))
              + "|"
              + (part == null ? "" : part);
      case EXTRA, UNKNOWN, AMBIGUOUS -> "";
    };
  }

  /** The show or movie this belongs to, as one line for grouping reports. */
  public String group() {
    if (title == null) {
      return "";
    }
    return year == null ? title : title + " (" + year + ")";
  }

  static String normalize(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .filter(Character::isLetterOrDigit)
        .map(Character::toLowerCase)
        .forEach(b::appendCodePoint);
    return b.toString();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String text(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof List<?> l) {
      return l.isEmpty() ? null : String.join(" ", l.stream().map(String::valueOf).toList());
    }
    return v.toString();
  }

  private static Integer integer(Object v) {
    if (v instanceof Integer i) {
      return i;
    }
    if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Integer i) {
      return i;
    }
    return null;
  }
}
