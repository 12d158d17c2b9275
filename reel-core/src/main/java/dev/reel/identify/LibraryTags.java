package dev.reel.identify;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tags a file name carries for a library or a fansub's announcement, not for what the file is:
 * Plex's {@code {edition-Extended Cut}} (the edition, as written), {@code {tmdb-603}}, {@code
 * {imdb-tt...}}, Jellyfin's {@code [tmdbid-603]}, and Chinese airing tags ({@code 【4月新番】}). They
 * are blanked out (one space per character, so offsets hold) before the name is read.
 */
final class LibraryTags {
  private static final Pattern IDS_AND_EDITION =
      Pattern.compile(
          "(?i)\\{(edition|tmdb|tmdbid|imdb|imdbid|tvdb|tvdbid)[-=]([^}]*)\\}"
              + "|\\[(tmdbid|imdbid|tvdbid)-([^]]*)\\]");
  private static final Pattern AIRING =
      Pattern.compile(
          "[\\[【]\\s*(?:\\d{4}年)?(?:\\d{1,2}月)?新番(?:合集)?\\s*[\\]】]"
              + "|★?(?:\\d{4}年)?\\d{1,2}月新番★?");

  private LibraryTags() {}

  /** A name without those tags, and the edition a Plex tag gave (or null). */
  record Stripped(String name, String edition) {}

  static Stripped strip(String file) {
    String[] edition = {null};
    if (file.indexOf('{') >= 0 || file.indexOf("id-") >= 0) {
      file =
          blank(
              file,
              IDS_AND_EDITION,
              m -> {
                if (m.group(1) != null
                    && m.group(1).equalsIgnoreCase("edition")
                    && !m.group(2).isBlank()) {
                  edition[0] = m.group(2).strip();
                }
              });
    }
    if (file.indexOf('新') >= 0) {
      file = blank(file, AIRING, m -> {});
    }
    return new Stripped(file, edition[0]);
  }

  /** {@code s} with every match of {@code p} as spaces; {@code seen} reads each match first. */
  private static String blank(String s, Pattern p, Consumer<Matcher> seen) {
    Matcher m = p.matcher(s);
    if (!m.find()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s);
    do {
      seen.accept(m);
      for (int k = m.start(); k < m.end(); k++) {
        b.setCharAt(k, ' ');
      }
    } while (m.find());
    return b.toString();
  }
}
