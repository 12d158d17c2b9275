package dev.reel.identify;

import dev.reel.identify.SegmentParser.Match;
import java.util.List;

/** Decides when weak tags (words that are also ordinary words) count as tags. */
final class WeakTags {
  private final Resolver r;

  WeakTags(Resolver r) {
    this.r = r;
  }

  boolean allTokensMatched(int from) {
    boolean[] any = new boolean[r.tokens.size()];
    for (Match m : r.matches) {
      for (int k = m.from(); k < m.to(); k++) {
        any[k] = true;
      }
    }
    for (int k = from; k < any.length; k++) {
      if (!any[k] && !(r.tokens.get(k).isDigits() && r.tokens.get(k).text().length() == 4)) {
        return false;
      }
    }
    return any.length > from;
  }

  /**
   * Weak r.matches right before the first strong one are tags too ("Image.FRENCH.DVDRip",
   * "Movie.Extended.1080p"); the title then ends before them. One title token always stays.
   */
  int weakBeforeTitleEnd(
      List<Match> accepted, int titleStart, int titleEnd, boolean beforeAnyNumber) {
    if (titleEnd >= r.tokens.size() || titleEnd == 0 || !r.covered[titleEnd]) {
      return titleEnd;
    }
    boolean fromYear = !beforeAnyNumber && !ReleaseGroups.isTag(accepted, titleEnd);
    boolean beforeSeason = ReleaseGroups.has(accepted, titleEnd, "season");
    if (fromYear && !Resolver.has(accepted, "year") && !beforeSeason) {
      return titleEnd;
    }
    boolean moved = true;
    while (moved) {
      moved = false;
      for (Match m : r.matches) {
        boolean allowed =
            !fromYear
                || (m.property().equals("edition") || m.property().equals("other"))
                    && !r.tokens.get(m.from()).lower().equals("special") // a title word
                    && (!beforeSeason || "Complete".equals(m.value())); // "The Complete Seasons"
        if (allowed
            && m.weak()
            && m.to() == titleEnd
            && m.from() > titleStart
            && !accepted.contains(m)) {
          for (Match same : r.matches) {
            if (same.from() == m.from() && same.to() == m.to()) {
              accepted.add(same);
            }
          }
          for (int k = m.from(); k < m.to(); k++) {
            r.covered[k] = true;
          }
          titleEnd = m.from();
          moved = true;
          break;
        }
      }
    }
    return titleEnd;
  }

  /** Weak r.matches count after the title when they touch an accepted match. */
  private static boolean opensBracket(String sep) {
    return sep.indexOf('[') >= 0 || sep.indexOf('(') >= 0 || sep.indexOf('{') >= 0;
  }

  void acceptWeak(List<Match> accepted, int titleEnd) {
    java.util.Set<Match> taken = new java.util.HashSet<>(accepted);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Match m : r.matches) {
        if (!m.weak() || taken.contains(m) || m.from() < titleEnd) {
          continue;
        }
        boolean touches =
            (m.from() > 0 && r.covered[m.from() - 1])
                || (m.to() < r.covered.length && r.covered[m.to()])
                || (m.to() == r.covered.length && m.property().contains("language"))
                || (m.to() < r.covered.length
                    && r.tokens.get(m.to()).bracketed()
                    && opensBracket(
                        r.tokens.get(m.to()).before()) // "French [...": not "no Frieren]"
                    && m.property().contains("language"));
        if (touches || titleEnd < r.tokens.size() && m.from() == titleEnd && titleEnd > 0) {
          for (Match same : r.matches) {
            if (same.from() == m.from() && same.to() == m.to() && taken.add(same)) {
              accepted.add(same);
            }
          }
          for (int k = m.from(); k < m.to(); k++) {
            r.covered[k] = true;
          }
          changed = true;
        }
      }
    }
  }
}
