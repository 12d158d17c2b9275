package dev.reel.identify;

import java.util.List;
import java.util.Locale;

/**
 * Lists and ranges of numbers after a first season or episode: "E01-E03" (a range), "E01E02",
 * "x02", "&04" (a list), "Season 1.3&5", "1~3", "1 to 5".
 */
final class NumberLists {
  private final SegmentParser p;

  NumberLists(SegmentParser p) {
    this.p = p;
  }

  /**
   * Further episodes after a first one: "-E03", "-03", "E02E03", "x02", "&04". A dash makes a range
   * ("E01-E03" is 1, 2, 3), any other joiner a list.
   */
  private static final java.util.regex.Pattern SEASON_EPISODE =
      java.util.regex.Pattern.compile("s\\d{1,3}e\\d{1,4}");

  int continuation(int i, List<Integer> values, String prefix) {
    int used = 0;
    while (p.at(i + used) != null) {
      Token t = p.at(i + used);
      String sep = t.before().strip();
      String text = t.text().toLowerCase(Locale.ROOT);
      String number = null;
      if (!prefix.isEmpty()
          && text.startsWith(prefix)
          && text.length() > 1
          && text.substring(1).chars().allMatch(Character::isDigit)) {
        number = text.substring(1);
      } else if (t.isDigits()
          && text.length() <= 3
          && (sep.equals("-") || sep.equals("&") || sep.equals("+"))
          && !t.before().contains(" ")) { // "E03-04" joins; "E04 - 313" does not
        number = text;
      } else if (prefix.equals("e")
          && sep.equals("-")
          && text.length() <= 8
          && SEASON_EPISODE.matcher(text).matches()) { // "S01E01-S01E21"
        number = text.substring(text.indexOf('e') + 1);
      } else if (text.equals("and") || text.equals("to")) {
        Token n2 = p.at(i + used + 1);
        String after = n2 == null ? "" : n2.lower();
        if (!prefix.isEmpty()
            && after.startsWith(prefix)
            && after.length() > 1
            && after.length() <= 4
            && after.substring(1).chars().allMatch(Character::isDigit)) {
          after = after.substring(1); // "s01.to.s04"
        }
        if (n2 != null
            && !after.isEmpty()
            && after.length() <= 3
            && after.chars().allMatch(Character::isDigit)) {
          used++;
          int v = Integer.parseInt(after);
          addRange(values, v, text.equals("to"));
          used++;
          continue;
        }
        break;
      }
      if (number == null
          || !(sep.isEmpty()
              || sep.equals("-")
              || sep.equals("&")
              || sep.equals("+")
              || sep.equals("."))) {
        break;
      }
      addRange(values, Integer.parseInt(number), sep.equals("-"));
      used++;
    }
    return used;
  }

  /**
   * More seasons after "Season 1": "1.3&5", "1~3", "1.2.3-5", "1 to 5", "1 and 3", "1.a.3". Only
   * one- or two-digit numbers, so that "Season.1.720p" stays season 1.
   */
  int seasonList(int i, List<Integer> values) {
    int used = 0;
    while (true) {
      Token t = p.at(i + used);
      if (t == null) {
        return used;
      }
      String w = t.lower();
      boolean joiner = w.equals("to") || w.equals("a") || w.equals("and") || w.equals("et");
      Token number = joiner ? p.at(i + used + 1) : t;
      if (number == null || !number.isDigits() || number.text().length() > 2) {
        return used;
      }
      String sep = joiner ? "" : t.before().strip();
      boolean joined =
          sep.equals(".")
              || sep.equals("&")
              || sep.equals("-")
              || sep.equals("~")
              || sep.equals(",")
              || sep.equals("+");
      if (!joiner && !joined) {
        return used;
      }
      boolean range = sep.equals("-") || sep.equals("~") || w.equals("to") || w.equals("a");
      addRange(values, Integer.parseInt(number.text()), range);
      used += joiner ? 2 : 1;
    }
  }

  static void addRange(List<Integer> values, int v, boolean range) {
    int last = values.get(values.size() - 1);
    if (range && v > last && v - last < 100) {
      for (int k = last + 1; k <= v; k++) {
        values.add(k);
      }
    } else if (v != last) {
      values.add(v);
    }
  }

  static Object list(List<Integer> values) {
    return values.size() == 1 ? values.get(0) : List.copyOf(values);
  }
}
