package dev.reel.identify;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Air dates written over three tokens: YYYY MM DD, DD MM YYYY, MM DD YYYY (when the middle cannot
 * be a month) and DD MM YY (YY MM DD when that day is still to come, as of the parser's day).
 */
final class Dates {
  private final SegmentParser p;

  Dates(SegmentParser p) {
    this.p = p;
  }

  /** One separator character between date parts: "2024.03.14", "03-29-2012", "14 01 2008". */
  private static boolean dateSeparator(String sep) {
    return sep.length() == 1 && ".-/_ ".indexOf(sep.charAt(0)) >= 0;
  }

  static LocalDate valid(int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static final java.util.Map<String, Integer> MONTHS = months();

  private static java.util.Map<String, Integer> months() {
    String[] names = {
      "january",
      "february",
      "march",
      "april",
      "may",
      "june",
      "july",
      "august",
      "september",
      "october",
      "november",
      "december"
    };
    java.util.Map<String, Integer> m = new java.util.HashMap<>();
    for (int k = 0; k < names.length; k++) {
      m.put(names[k], k + 1);
      m.put(names[k].substring(0, 3), k + 1);
    }
    m.put("sept", 9);
    return java.util.Map.copyOf(m);
  }

  /** "2 Mar 2013", "14 March 2024", "Mar 14 2024": a month by its name. */
  private int withMonthName(int i, Token a, Token b, Token c) {
    if (a == null || b == null || c == null || !c.isDigits() || c.text().length() != 4) {
      return 0;
    }
    for (SegmentParser.Match m : p.matches) {
      if (m.property().equals("season") || m.property().equals("episode")) {
        return 0; // "The Soup - 11x41 - October 8, 2014": the episode's title, after its number
      }
    }
    Integer month;
    String day;
    if (a.isDigits() && a.text().length() <= 2 && (month = MONTHS.get(b.lower())) != null) {
      day = a.text();
    } else if (b.isDigits() && b.text().length() <= 2 && (month = MONTHS.get(a.lower())) != null) {
      day = b.text();
    } else {
      return 0;
    }
    LocalDate d = valid(Integer.parseInt(c.text()), month, Integer.parseInt(day));
    if (d == null || !Years.plausible(d.getYear())) {
      return 0;
    }
    p.add(i, i + 3, "date", d, false);
    return 3;
  }

  /** Whether a date starts at token i (nothing is recorded). */
  boolean at(int i) {
    int before = p.matches.size();
    boolean[] saved = p.covered.clone();
    int used = read(i);
    if (used > 0) {
      p.matches.subList(before, p.matches.size()).clear();
      System.arraycopy(saved, 0, p.covered, 0, p.covered.length);
    }
    return used > 0;
  }

  /**
   * A date as YYYY MM DD, DD MM YYYY or (when the middle number cannot be a month) MM DD YYYY, over
   * three p.tokens; returns p.tokens used or 0.
   */
  int read(int i) {
    Token a = p.at(i);
    Token b = p.at(i + 1);
    Token c = p.at(i + 2);
    int named = withMonthName(i, a, b, c);
    if (named > 0) {
      return named;
    }
    if (a == null || b == null || c == null || !a.isDigits() || !b.isDigits() || !c.isDigits()) {
      return 0;
    }
    if (!dateSeparator(b.before())
        || !dateSeparator(c.before())
        || b.text().length() > 2 && b.text().length() != 2) {
      return 0;
    }
    try {
      LocalDate d = null;
      if (a.text().length() == 4 && b.text().length() <= 2 && c.text().length() <= 2) {
        d =
            LocalDate.of(
                Integer.parseInt(a.text()), Integer.parseInt(b.text()), Integer.parseInt(c.text()));
      } else if (c.text().length() == 4 && a.text().length() <= 2 && b.text().length() <= 2) {
        int first = Integer.parseInt(a.text());
        int second = Integer.parseInt(b.text());
        int year = Integer.parseInt(c.text());
        d = second <= 12 ? LocalDate.of(year, second, first) : LocalDate.of(year, first, second);
      }
      if (d == null && a.text().length() == 2 && b.text().length() == 2 && c.text().length() == 2) {
        int x = Integer.parseInt(a.text());
        int y = Integer.parseInt(b.text());
        int z = Integer.parseInt(c.text());
        // DD.MM.YY unless that lands in the future, then YY.MM.DD ("15.01.31" is 2015-01-31)
        LocalDate dmy = valid(2000 + z, y, x);
        d = dmy != null && !dmy.isAfter(p.today) ? dmy : valid(2000 + x, y, z);
      }
      if (d != null && Years.plausible(d.getYear())) {
        p.add(i, i + 3, "date", d, false);
        return 3;
      }
    } catch (DateTimeException e) {
      return 0;
    }
    return 0;
  }
}
