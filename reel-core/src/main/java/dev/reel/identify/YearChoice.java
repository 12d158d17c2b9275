package dev.reel.identify;

import dev.reel.identify.SegmentParser.Match;

/**
 * Which number of a segment is its year: the last plausible year before the first strong tag, a
 * leading year with the title after it, the year right after a title's part number, or a movie's
 * one year after its tags; a name that is only a year keeps it as its title.
 */
final class YearChoice {
  private final Resolver r;

  YearChoice(Resolver r) {
    this.r = r;
  }

  /** The token that is the year: the last 4-digit year before the first strong match. */
  int choose(int titleStart, int strongStart) {
    int best = -1;
    for (int i = titleStart; i < r.tokens.size(); i++) {
      Token t = r.tokens.get(i);
      if (!t.isDigits() || t.text().length() != 4 || r.coveredByMatch(i)) {
        continue;
      }
      int y = Integer.parseInt(t.text());
      if (!Years.plausible(y)) {
        continue;
      }
      if (i < strongStart || t.bracketed() && best < 0 || best < 0 && afterPart(i)) {
        if (i == titleStart && !t.bracketed() && onlyYearWithWordsAfter(i, strongStart)) {
          best = i; // "2009.shoot.fruit.chan.dvd9": a leading year with the title after it
          continue;
        }
        if (i == titleStart && !(t.bracketed())) {
          if (!r.fileName || i + 1 >= strongStart) {
            // a name that is only a year ("1917") keeps it as its title, unless it is a folder
            if (r.fileName || strongStart == i + 1 && r.tokens.size() == i + 1) {
              continue;
            }
          } else {
            continue;
          }
        }
        best = i;
      }
    }
    if (best < 0 && !Resolver.anyEpisodic(r.matches)) {
      // "Casablanca [Ultimate Collector's Edition].1942.BRRip", "Magic (Extended Version) 2CD
      // 2014": a movie's one year, after its tags
      for (int i = Math.max(strongStart, titleStart + 1); i < r.tokens.size(); i++) {
        Token t = r.tokens.get(i);
        if (Years.isYear(t) && !r.coveredByMatch(i) && !t.before().contains("-")) {
          return i;
        }
      }
    }
    return best;
  }

  /** "Dune.Part.Two.2024.2160p": the year right after the title's part number. */
  private boolean afterPart(int i) {
    for (Match m : r.matches) {
      if (m.to() == i && m.property().equals("part") && !m.weak()) {
        return true;
      }
    }
    return false;
  }

  boolean onlyYearWithWordsAfter(int i, int strongStart) {
    for (int k = i + 1; k < r.tokens.size(); k++) {
      Token t = r.tokens.get(k);
      if (t.isDigits() && t.text().length() == 4) {
        int y = Integer.parseInt(t.text());
        if (Years.plausible(y)) {
          return false;
        }
      }
    }
    int words = 0;
    for (int k = i + 1; k < strongStart; k++) {
      if (!r.coveredByMatch(k)) {
        words++;
      }
    }
    return words >= 2 && strongStart < r.tokens.size();
  }
}
