package dev.reel.identify;

import java.util.ArrayList;
import java.util.List;

/**
 * How sure a reading is, 0..1, and why not more: a product of the doubts a reading shows, each with
 * its own weight. It is a guide for what to check or ask about (organize leaves doubtful files
 * alone, a lookup asks about them), not a probability.
 *
 * @param value 1 for a reading with no doubt, lower for each doubt
 * @param doubts what lowered it, in words ("no title", "a movie without a year")
 */
public record Confidence(double value, List<String> doubts) {
  public Confidence {
    doubts = List.copyOf(doubts);
  }

  /** At or below this a reading is doubtful: worth a second reading or a look before it moves. */
  public static final double DOUBTFUL = 0.75;

  static Confidence of(Identity id) {
    return of(
        id.title(),
        "episode".equals(id.type()),
        !id.episodes().isEmpty(),
        !id.seasons().isEmpty(),
        id.date() != null,
        id.year() != null);
  }

  /**
   * The confidence of a reading from what it found: its title, whether it is an episode, and which
   * of episode numbers, season, date and year it has. One set of rules for identify's {@code
   * confidence} and for organize's doubtful files.
   */
  public static Confidence of(
      String title,
      boolean episode,
      boolean hasEpisodes,
      boolean hasSeason,
      boolean hasDate,
      boolean hasYear) {
    List<String> doubts = new ArrayList<>();
    double v = 1;
    if (title == null || title.isBlank()) {
      v *= 0.3;
      doubts.add("no title");
    } else {
      if (title.indexOf('[') >= 0 || title.indexOf(']') >= 0 || unbalanced(title)) {
        v *= 0.5;
        doubts.add("a bracket inside the title");
      }
      int letters = 0;
      for (int i = 0; i < title.length(); i++) {
        if (Character.isLetter(title.charAt(i))) {
          letters++;
        }
      }
      if (letters < 2) {
        v *= 0.6;
        doubts.add("a title of digits or one letter");
      }
      if (hasTagLikeWord(title)) {
        v *= 0.7;
        doubts.add("a word like a tag in the title");
      }
    }
    if (episode && !hasEpisodes && !hasDate) {
      if (!hasSeason) {
        v *= 0.6;
        doubts.add("an episode without a number");
      } else {
        v *= 0.85; // a season pack or a whole season
        doubts.add("a season without an episode");
      }
    } else if (episode && !hasSeason && !hasDate) {
      v *= 0.9;
      doubts.add("an episode number without a season");
    } else if (!episode && !hasYear) {
      v *= 0.75;
      doubts.add("a movie without a year");
    }
    return new Confidence(Math.round(v * 100) / 100.0, doubts);
  }

  private static boolean unbalanced(String s) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth < 0) {
        return true;
      }
    }
    return depth != 0;
  }

  /** "Ep05v2", "x264", "1080p": letters and digits mixed in one word of the title. */
  private static boolean hasTagLikeWord(String title) {
    int start = 0;
    while (start < title.length()) {
      int end = title.indexOf(' ', start);
      if (end < 0) {
        end = title.length();
      }
      boolean digit = false;
      boolean letter = false;
      for (int i = start; i < end; i++) {
        char c = title.charAt(i);
        digit |= Character.isDigit(c);
        letter |= Character.isLetter(c) && c < 128;
      }
      if (digit && letter && end - start >= 3) {
        String w = title.substring(start, end).toLowerCase(java.util.Locale.ROOT);
        if (!ORDINAL_OR_UNIT.matcher(w).matches()) {
          return true;
        }
      }
      start = end + 1;
    }
    return false;
  }

  /** "2nd", "3D", "4K", "1st", "R2", "B5": words with digits that titles do have. */
  private static final java.util.regex.Pattern ORDINAL_OR_UNIT =
      java.util.regex.Pattern.compile("\\d+(st|nd|rd|th|d|k)|[a-z]+\\d|[a-z]\\d+[a-z]?");
}
