package dev.reel.identify;

import dev.reel.identify.SegmentParser.Match;
import java.util.ArrayList;
import java.util.List;

/**
 * Bare numbers that stand for episodes: "Show - 147", "03 - Name", "Show 14 [720p]", "117" as
 * S01E17, absolute numbers beside SxxEyy, and years next to an episode marker.
 */
final class EpisodeNumbers {
  private final Resolver r;

  EpisodeNumbers(Resolver r) {
    this.r = r;
  }

  /**
   * Numbers around the episode marker: a year right after it ("S01E01.2008"), an episode right
   * after the year ("the.flash.2014.208.hdtv"), absolute numbers after SxxEyy ("s16e03-04 -
   * 313-314").
   */
  void afterEpisodeNumbers(List<Match> accepted, int year, boolean anime) {
    Match last = null;
    for (Match m : accepted) {
      if (Resolver.isEpisodic(m) && (last == null || m.to() > last.to())) {
        last = m;
      }
    }
    if (year >= 0 && last == null && year + 1 < r.tokens.size()) {
      Token t = r.tokens.get(year + 1);
      Token next = year + 2 < r.tokens.size() ? r.tokens.get(year + 2) : null;
      boolean animeNumber = // "[Taka]_Fullmetal_Alchemist_(2009)_04_[720p]"
          anime
              && t.text().length() <= 3
              && !t.bracketed()
              && (next == null || next.bracketed() || r.covered[year + 2]);
      if (t.isDigits() && (t.text().length() == 3 || animeNumber) && !r.covered[year + 1]) {
        addNumberedEpisode(accepted, year + 1, anime);
        r.covered[year + 1] = true;
      }
      return;
    }
    if (last == null || last.to() >= r.tokens.size() || r.covered[last.to()]) {
      return;
    }
    int k = last.to();
    Token t = r.tokens.get(k);
    if (!t.isDigits()) {
      return;
    }
    int v = Integer.parseInt(t.text());
    boolean tagsAfter = k + 1 >= r.tokens.size() || r.covered[k + 1];
    if (t.text().length() == 4
        && Years.plausible(v)
        && !Resolver.has(accepted, "year")
        && tagsAfter) { // "S01E01.2008.BluRay", not "S07E22 - 2000 Light Years"
      accepted.add(new Match(k, k + 1, "year", v, false));
      r.covered[k] = true;
    } else if (t.text().length() >= 3
        && t.text().length() <= 4
        && Resolver.has(accepted, "season")
        && !(Years.isYear(t) && !tagsAfter)) {
      // "s16e03-04 - 313-314", not "S02E02.65.Million" or "S07E22 - 2000 Light Years"
      List<Integer> values = new ArrayList<>(List.of(v));
      int to = k + 1;
      if (to < r.tokens.size()
          && r.tokens.get(to).isDigits()
          && r.tokens.get(to).before().equals("-")) {
        int end = Integer.parseInt(r.tokens.get(to).text());
        for (int e = v + 1; e <= end && e - v < 100; e++) {
          values.add(e);
        }
        to++;
      }
      accepted.add(
          new Match(
              k,
              to,
              "absolute_episode",
              values.size() == 1 ? values.get(0) : List.copyOf(values),
              false));
      for (int c = k; c < to; c++) {
        r.covered[c] = true;
      }
    }
  }

  /**
   * "Show.Name.313-315.s16e03-05": a three- or four-digit number (or range) right before the SxxEyy
   * marker is the absolute episode; the title ends before it.
   */
  int absoluteBeforeEpisode(List<Match> accepted, int titleStart, int titleEnd) {
    Match first = null;
    for (Match m : accepted) {
      if (m.property().equals("season") && (first == null || m.from() < first.from())) {
        first = m;
      }
    }
    if (first == null || first.from() < 2) {
      return titleEnd;
    }
    int end = first.from();
    int k = end - 1;
    if (r.tokens.get(k).isDigits()
        && r.tokens.get(k).before().equals("-")
        && k - 1 > titleStart
        && r.tokens.get(k - 1).isDigits()) {
      k--;
    } else {
      return titleEnd; // only a range: "The.100.S01E13" is a title with a number in it
    }
    Token t = r.tokens.get(k);
    if (!t.isDigits()
        || t.text().length() < 3
        || t.text().length() > 4
        || k <= titleStart
        || r.covered[k]) {
      return titleEnd;
    }
    int from = Integer.parseInt(t.text());
    int to = Integer.parseInt(r.tokens.get(end - 1).text());
    List<Integer> values = new ArrayList<>();
    for (int e = from; e <= Math.max(from, to) && e - from < 100; e++) {
      values.add(e);
    }
    accepted.add(
        new Match(
            k,
            end,
            "absolute_episode",
            values.size() == 1 ? values.get(0) : List.copyOf(values),
            false));
    for (int c = k; c < end; c++) {
      r.covered[c] = true;
    }
    return Math.min(titleEnd, k);
  }

  /**
   * "Show S2 - 09", "Title 第2季 - 03": a season marker with no episode, then a dash and a number of
   * up to four digits: that number is the episode. Returns whether one was added.
   */
  boolean numberAfterSeason(List<Match> accepted) {
    Match season = null;
    for (Match m : accepted) {
      if (m.property().equals("season") && (season == null || m.to() > season.to())) {
        season = m;
      }
    }
    if (season == null || season.to() >= r.tokens.size()) {
      return false;
    }
    int at = season.to();
    while (at + 1 < r.tokens.size() && SPECIALS.contains(r.tokens.get(at).lower())) {
      at++; // "Second Season OVA - 01"
    }
    if (r.covered[at] && at == season.to()) {
      return false;
    }
    Token t = r.tokens.get(at);
    boolean aloneInBracket = // "Season 2 [05][1080p]"
        t.bracketed() && t.opensBracket() && closes(at + 1);
    if (!t.isDigits()
        || t.text().length() > 4
        || !(aloneInBracket || t.before().matches("[ ._]*-[ ._]*"))) {
      return false;
    }
    if (Years.isYear(t)) {
      return false; // "Season 2 - 2019": a year
    }
    accepted.add(new Match(at, at + 1, "episode", Integer.parseInt(t.text()), false));
    r.covered[at] = true;
    return true;
  }

  /**
   * Adds the episode a bare number stands for. Outside anime (no leading [Group], no CRC), a three-
   * or four-digit number is season and episode: "117" is S01E17, "0307" S03E07.
   */
  void addNumberedEpisode(List<Match> accepted, int k, boolean anime) {
    String text = r.tokens.get(k).text();
    int v = Integer.parseInt(text);
    Token next = k + 1 < r.tokens.size() ? r.tokens.get(k + 1) : null;
    if (next != null && next.text().equals("END") && !r.covered[k + 1]) {
      accepted.add(new Match(k + 1, k + 2, "episode_details", "Final", false)); // "- 28 END"
      r.covered[k + 1] = true;
    }
    if (next != null
        && next.isDigits()
        && (next.before().strip().equals("+")
            || next.before().replace('_', ' ').strip().equals("&"))
        && next.text().length() <= 4
        && !r.covered[k + 1]) { // "Show - 01+02", "Movies_8_&_10": two episodes in one file
      accepted.add(
          new Match(k, k + 2, "episode", List.of(v, Integer.parseInt(next.text())), false));
      r.covered[k + 1] = true;
      return;
    }
    if (next != null
        && next.isDigits()
        && next.before().strip().equals("-")
        && next.text().length() <= 4
        && !r.covered[k + 1]) {
      int last = Integer.parseInt(next.text());
      if (last > v && last - v < 100) { // "Show - 16-20": a range of absolute episodes
        List<Integer> range = new ArrayList<>();
        for (int e = v; e <= last; e++) {
          range.add(e);
        }
        accepted.add(new Match(k, k + 2, "episode", List.copyOf(range), false));
        r.covered[k + 1] = true;
        return;
      }
    }
    // "One Piece - 1071" is the 1071st episode ("One Piece - 102" stays S01E02, as guessit reads
    // it)
    if (next != null
        && next.text().equals("5")
        && next.before().equals(".")
        && !r.covered[k + 1]) { // "Show - 07.5 - Title": the half episode after the 7th
      r.covered[k + 1] = true;
      accepted.add(new Match(k, k + 2, "episode", v, false));
      return;
    }
    boolean spacedDash = text.length() == 4 && r.tokens.get(k).before().contains(" - ");
    if (!anime && !spacedDash && text.length() >= 3 && v % 100 > 0 && v / 100 > 0 && v / 100 < 50) {
      accepted.add(new Match(k, k + 1, "season", v / 100, false));
      accepted.add(new Match(k, k + 1, "episode", v % 100, false));
    } else {
      accepted.add(new Match(k, k + 1, "episode", v, false));
    }
  }

  /** Words for an anime's specials, before their number or at the title's end ("OVA - 01"). */
  static final java.util.Set<String> SPECIALS =
      java.util.Set.of("ova", "oav", "oad", "ona", "special", "specials", "sp");

  /** An anime's opening, ending, special or OVA with its number in one token: "ED2", "SP01". */
  static final java.util.regex.Pattern KIND_AND_NUMBER =
      java.util.regex.Pattern.compile("(?i)(ova|oav|oad|ona|sp|ex|ed|op|nced|ncop)(\\d{1,3})");

  /** Whether a number after a spaced dash ("_-_04", " - 04") comes in [from, limit). */
  private boolean spacedNumberAfter(int from, int limit) {
    for (int k = from; k < limit; k++) {
      Token t = r.tokens.get(k);
      String sep = t.before();
      if (t.isDigits()
          && sep.length() >= 3
          && sep.indexOf('-') > 0
          && sep.indexOf('-') < sep.length() - 1) {
        return true;
      }
    }
    return false;
  }

  /** Whether the bracket open before token k-1 closes right before token k (or at the end). */
  private boolean closes(int k) {
    if (k >= r.tokens.size()) {
      String rest = r.segment.substring(r.tokens.get(r.tokens.size() - 1).end()).strip();
      return rest.startsWith("]") || rest.startsWith(")");
    }
    String before = r.tokens.get(k).before();
    return before.startsWith("]") || before.startsWith(")");
  }

  /** "01-04": token k and the next are numbers joined by a dash. */
  private boolean rangeIn(int k) {
    return k + 1 < r.tokens.size()
        && r.tokens.get(k + 1).isDigits()
        && r.tokens.get(k + 1).before().equals("-")
        && r.tokens.get(k + 1).text().length() <= 3;
  }

  static boolean crc(List<Match> accepted) {
    return Resolver.has(accepted, "crc32");
  }

  /**
   * A number standing for the episode: "03 - Name" at the start, "[Group] 06 Name", "Show - 147"
   * after a dash, "Show 14 [720p]" or "Neverwhere.05.Down.Street" inside the name, "[401]" in
   * brackets. Not "12 Angry Men" or "1.Angry.Man" (no dash after a leading number), not "Bad Boys
   * 2" (a single digit at the end) and not "Open Season 2 (2008)" (a year follows).
   */
  int numberedEpisode(int titleStart, int titleEnd, boolean yearFollows, boolean afterGroup) {
    int limit = Math.min(titleEnd + 1, r.tokens.size());
    for (int i = titleStart; i < limit; i++) {
      Token t = r.tokens.get(i);
      Token next = i + 1 < r.tokens.size() ? r.tokens.get(i + 1) : null;
      if (!t.isDigits()
          || t.text().length() > 4
          || r.covered[i]
          || (next == null ? r.segment.substring(t.end()) : next.before()).startsWith("%")) {
        continue; // "Kanon 100% OVA": a share, not a number
      }
      boolean inside = i > titleStart && i < titleEnd;
      boolean dashed = t.before().contains("-") || t.before().contains("#");
      boolean padded = t.text().length() >= 2 && t.text().charAt(0) == '0';
      boolean leading =
          i == titleStart
              && next != null
              && t.text().length() <= 3
              && (next.before().contains("-")
                  || afterGroup
                  || next.before().startsWith(".") && next.before().endsWith(" "));
      boolean lastWord =
          i == titleEnd - 1
              && i > titleStart
              && !yearFollows
              && (next == null || r.covered[i + 1] || next.bracketed())
              && (t.text().length() >= 2 || next != null && next.bracketed());
      boolean middle = inside && padded && !yearFollows && next != null && !r.covered[i + 1];
      boolean rangeAtEnd = // "Show Name 13-16", "Show 123 - 124"
          i == titleEnd - 2
              && i > titleStart
              && next != null
              && next.isDigits()
              && (next.before().equals("-")
                  || next.before().replace('_', ' ').strip().equals("&") // "Movies_8_&_10"
                  || next.before().strip().equals("-")
                      && t.text().length() >= 2
                      && next.text().length() <= 4
                      && Integer.parseInt(next.text()) > Integer.parseInt(t.text())
                      && Integer.parseInt(next.text()) - Integer.parseInt(t.text()) < 100)
              && !yearFollows;
      boolean titleAfter = // "Monster 34 - At the End of Darkness"
          i > titleStart
              && t.text().length() >= 2
              && next != null
              && next.before().strip().equals("-")
              && next.before().contains(" ")
              && !next.isDigits();
      boolean bracketed =
          t.bracketed()
              && i > titleStart
              && t.text().length() >= 3
              && !yearFollows
              && t.text().length() <= 4;
      boolean alone = // "[Group] Show [01][1080p]", "(9)", "(01-04)": alone in its bracket
          afterGroup
              && t.bracketed()
              && i > titleStart
              && t.text().length() <= 3
              && t.opensBracket()
              && (closes(i + 1) || rangeIn(i) && closes(i + 2))
              && !yearFollows;
      if (t.bracketed() && !bracketed && !alone) {
        continue;
      }
      boolean joined = // "Today_in_Class_5-2_-_04", "009-1_-_02"
          dashed && inside && t.before().equals("-")
              || leading && next.before().equals("-") && next.isDigits();
      if (joined && spacedNumberAfter(i + 1, r.tokens.size())) {
        continue; // "Today_in_Class_5-2_-_04", "009-1_-_02": the dash joins a title's numbers
      }
      if (dashed && inside
          || leading
          || lastWord
          || middle
          || bracketed
          || alone
          || rangeAtEnd
          || titleAfter) {
        return i;
      }
    }
    // "[Group][间谍过家家][SPY×FAMILY][25][1080P]": brackets of titles, then one of a number alone
    if (afterGroup) {
      for (int k = titleEnd; k < r.tokens.size() && !r.covered[k]; k++) {
        Token t = r.tokens.get(k);
        if (t.isDigits()
            && t.bracketed()
            && t.text().length() <= 4
            && !Years.isYear(t)
            && t.opensBracket()
            && closes(k + 1)) {
          return k;
        }
      }
    }
    // "Ushio to Tora (TV) - 02 [720p]", "Mezzo(DSA)_-_05": the bracket after the title, then the
    // number after a dash
    int k = titleEnd;
    while (k < r.tokens.size() && r.tokens.get(k).bracketed()) {
      k++; // "Mary Bell (DVD) - 02": a bracket of words or tags
    }
    if (titleEnd + 1 < r.tokens.size()
        && SPECIALS.contains(r.tokens.get(titleEnd).lower())
        && !r.tokens.get(titleEnd).bracketed()) {
      Token t = r.tokens.get(titleEnd + 1);
      if (t.isDigits() && t.text().length() <= 3 && !r.covered[titleEnd + 1]) {
        return titleEnd + 1; // "AIKa ZERO OVA - 01", "Queen's Blade - OVA_01": the OVA's number
      }
    }
    if (k > titleEnd && k < r.tokens.size()) {
      Token t = r.tokens.get(k);
      if (t.isDigits()
          && t.text().length() <= 4
          && !r.covered[k]
          && t.before().contains("-")
          && !Years.isYear(t)) {
        return k;
      }
    }
    return -1;
  }
}
