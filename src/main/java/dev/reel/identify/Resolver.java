package dev.reel.identify;

import dev.reel.identify.SegmentParser.Match;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides, from the matches of one segment, where the title ends, which weak matches count, which
 * number is the year, and what the episode title and release group are.
 */
final class Resolver {
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
  private static final java.util.regex.Pattern EDGE_PUNCTUATION =
      java.util.regex.Pattern.compile("^[\\-\\[\\(\\s]+|[\\-\\[\\(\\s]+$");
  private final String segment;
  private final List<Token> tokens;
  private final List<Match> matches;
  private final boolean fileName;
  private final boolean[] covered;

  Resolver(String segment, List<Token> tokens, List<Match> matches, boolean fileName) {
    this.segment = segment;
    this.tokens = tokens;
    this.matches = new ArrayList<>(matches);
    this.fileName = fileName;
    this.covered = new boolean[tokens.size()];
  }

  SegmentParse resolve() {
    int n = tokens.size();
    dropSeasonWordsBeforeAYear();
    int titleStart = 0;
    String group = null;
    boolean leadingGroup = false;
    // "[Group] Show - 01 [720p]": a leading bracket holds the release group
    if (n > 0 && segment.stripLeading().startsWith("[") && tokens.get(0).bracketed()) {
      int k = 0;
      while (k < n && tokens.get(k).bracketed() && !tokens.get(k).before().contains("]")) {
        k++;
      }
      if (k > 0 && k < n && !anyMatchIn(0, 1)) {
        final int end = k;
        matches.removeIf(m -> m.from() < end); // "[Kaerizaki-Fansub]" names a group, not tags
        group = segment.substring(tokens.get(0).start(), tokens.get(k - 1).end());
        titleStart = k;
        leadingGroup = true;
      }
    }
    for (Match m : matches) {
      if (m.property().equals("website") && m.from() == titleStart) {
        titleStart = m.to(); // "[nextorrent.org] Title..."
      }
    }
    int strongStart = n;
    for (Match m : matches) {
      if (!m.weak() && m.from() >= titleStart && !m.property().equals("website")) {
        strongStart = Math.min(strongStart, m.from());
      }
    }
    while (titleStart < n
        && tokens.get(titleStart).bracketed()
        && tokens.get(titleStart).isDigits()
        && !coveredByMatch(titleStart)
        && titleStart + 1 < n) {
      titleStart++; // "(1)The Girl..." numbering in front of a title
    }
    int year = chooseYear(titleStart, strongStart);
    int titleEnd = year >= 0 ? Math.min(strongStart, year) : strongStart;
    for (int k = titleStart + 1; k < titleEnd; k++) {
      if (tokens.get(k).bracketed() && !tokens.get(k - 1).bracketed()) {
        titleEnd = k; // "Le Prestige (The Prestige)": the bracket holds another title or tags
        break;
      }
    }
    List<Match> accepted = new ArrayList<>();
    for (Match m : matches) {
      if (!m.weak()) {
        accepted.add(m);
      }
    }
    if (year >= 0) {
      accepted.add(
          new Match(year, year + 1, "year", Integer.parseInt(tokens.get(year).text()), false));
    }
    markCovered(accepted);
    if (allTokensMatched(titleStart)) {
      for (Match m : matches) { // a name that is only tags has no title to protect
        if (m.weak()) {
          accepted.add(m);
        }
      }
      markCovered(accepted);
    }
    titleEnd = weakBeforeTitleEnd(accepted, titleStart, titleEnd);
    acceptWeak(accepted, titleEnd);
    final int start = titleStart;
    boolean episodeFirst = matches.stream().anyMatch(m -> m.from() == start && isEpisodic(m));
    if (titleEnd <= titleStart && fileName && !episodeFirst) {
      int[] run = firstFreeRun(titleStart, n);
      if (run != null && run[0] > titleStart) {
        titleStart = run[0];
        titleEnd = run[1];
      }
    }
    boolean hasEpisode =
        has(accepted, "episode") || has(accepted, "season") || has(accepted, "date");
    // Anime and numbered files: "Show - 147", "03 - Episode Name"; a date may come with one
    if (!has(accepted, "episode") && !has(accepted, "season") && fileName) {
      int number = numberedEpisode(titleStart, titleEnd, year >= 0, group != null);
      if (number >= 0) {
        addNumberedEpisode(accepted, number, leadingGroup || crc(accepted));
        covered[number] = true;
        if (number > titleStart) {
          titleEnd = Math.min(titleEnd, number);
        }
        hasEpisode = true;
      }
    }
    afterEpisodeNumbers(accepted, year, leadingGroup);
    titleEnd = absoluteBeforeEpisode(accepted, titleStart, titleEnd);
    accepted.sort((a, b) -> Integer.compare(a.from(), b.from()));
    int groupStart = n;
    {
      groupStart = releaseGroupStart(titleEnd, accepted);
      if (groupStart < n) {
        int stop = groupEnd < n ? tokens.get(groupEnd).start() : segment.length();
        group =
            cleanGroup(
                segment.substring(
                    tokens.get(groupStart).start(), Math.max(stop, tokens.get(groupStart).end())));
        dropMatchesFrom(accepted, groupStart, groupEnd);
      }
    }
    // a leading episode number means the title is the folder's; the rest is the episode title
    Match first = accepted.isEmpty() ? null : accepted.get(0);
    boolean leadingEpisode = first != null && first.from() == titleStart && isEpisodic(first);
    if (leadingEpisode && leadingGroup && first.to() < n) {
      leadingEpisode = false; // "[Group] 06 Show Name (720p)": the number comes first
      titleStart = first.to();
      titleEnd = Math.max(titleEnd, nextCovered(titleStart, groupStart));
    }
    String title = null;
    String episodeTitle = null;
    if (leadingEpisode) {
      int end = first.to();
      int next = nextCovered(end, groupStart);
      episodeTitle = text(end, next);
    } else {
      title = text(titleStart, Math.min(titleEnd, groupStart));
      if (title == null && fileName) {
        int[] run = firstFreeRun(titleStart, groupStart);
        if (run != null) {
          title = text(run[0], run[1]);
          titleEnd = run[1];
        }
      }
      Match lastEpisode = null;
      for (Match m : accepted) {
        if (isEpisodic(m)) {
          lastEpisode = m;
        }
      }
      if (lastEpisode != null && fileName && lastEpisode.from() >= titleEnd) {
        int end = lastEpisode.to();
        int next = nextCovered(end, groupStart);
        if (next > end) {
          episodeTitle = text(end, next);
        }
      }
    }
    if (episodeTitle == null && fileName) {
      for (Match m : accepted) { // "S01E01.Pilot.720p": the detail is also the episode's title
        if (m.property().equals("episode_details")
            && m.from() > 0
            && covered[m.from() - 1]
            && accepted.stream().anyMatch(e -> isEpisodic(e) && e.to() == m.from())) {
          episodeTitle = text(m.from(), m.to());
        }
      }
    }
    Map<String, Object> props = collect(accepted);
    for (Match m : accepted) {
      if (m.property().equals("bonus")) { // "Movie-x01-Making Of": the bonus feature's title
        String bonusTitle = text(m.to(), nextCovered(m.to(), groupStart));
        if (bonusTitle != null) {
          props.put("bonus_title", bonusTitle);
          if (bonusTitle.equals(episodeTitle)) {
            episodeTitle = null;
          }
        }
      }
    }
    if (title != null) {
      title = countryFromTitle(title, props);
    }
    return new SegmentParse(
        props, emptyToNull(title), emptyToNull(episodeTitle), emptyToNull(group));
  }

  /** The first run of tokens no match covers and no bracket holds ("[h265] Riddick 1080p"). */
  private int[] firstFreeRun(int from, int limit) {
    int i = from;
    while (i < limit && (covered[i] || tokens.get(i).bracketed())) {
      i++;
    }
    int j = i;
    while (j < limit && !covered[j] && !tokens.get(j).bracketed()) {
      j++;
    }
    return j > i ? new int[] {i, j} : null;
  }

  /**
   * "Open Season 2 (2008)" is a movie: a season written as words ("Season 2") with a year right
   * after it and no episode anywhere is part of the title.
   */
  private void dropSeasonWordsBeforeAYear() {
    boolean episode = matches.stream().anyMatch(m -> m.property().equals("episode"));
    if (episode) {
      return;
    }
    matches.removeIf(
        m -> {
          if (!m.property().equals("season") || m.to() - m.from() != 2 || m.to() >= tokens.size()) {
            return false;
          }
          Token after = tokens.get(m.to());
          return !tokens.get(m.from()).isDigits()
              && after.isDigits()
              && after.text().length() == 4
              && Integer.parseInt(after.text()) >= 1920;
        });
  }

  private static boolean isEpisodic(Match m) {
    return m.property().equals("episode")
        || m.property().equals("season")
        || m.property().equals("date");
  }

  private boolean anyMatchIn(int from, int to) {
    for (Match m : matches) {
      if (m.from() < to && m.to() > from && !m.property().equals("crc32")) {
        return true;
      }
    }
    return false;
  }

  private boolean allTokensMatched(int from) {
    boolean[] any = new boolean[tokens.size()];
    for (Match m : matches) {
      for (int k = m.from(); k < m.to(); k++) {
        any[k] = true;
      }
    }
    for (int k = from; k < any.length; k++) {
      if (!any[k] && !(tokens.get(k).isDigits() && tokens.get(k).text().length() == 4)) {
        return false;
      }
    }
    return any.length > from;
  }

  private static boolean has(List<Match> ms, String property) {
    for (Match m : ms) {
      if (m.property().equals(property)) {
        return true;
      }
    }
    return false;
  }

  private void markCovered(List<Match> ms) {
    for (Match m : ms) {
      for (int k = m.from(); k < m.to(); k++) {
        covered[k] = true;
      }
    }
  }

  /**
   * Weak matches right before the first strong one are tags too ("Image.FRENCH.DVDRip",
   * "Movie.Extended.1080p"); the title then ends before them. One title token always stays.
   */
  private int weakBeforeTitleEnd(List<Match> accepted, int titleStart, int titleEnd) {
    if (titleEnd >= tokens.size() || titleEnd == 0 || !covered[titleEnd]) {
      return titleEnd;
    }
    boolean fromYear = !isTag(accepted, titleEnd);
    if (fromYear && !has(accepted, "year")) {
      return titleEnd;
    }
    boolean moved = true;
    while (moved) {
      moved = false;
      for (Match m : matches) {
        boolean allowed =
            !fromYear || m.property().equals("edition") || m.property().equals("other");
        if (allowed
            && m.weak()
            && m.to() == titleEnd
            && m.from() > titleStart
            && !accepted.contains(m)) {
          for (Match same : matches) {
            if (same.from() == m.from() && same.to() == m.to()) {
              accepted.add(same);
            }
          }
          for (int k = m.from(); k < m.to(); k++) {
            covered[k] = true;
          }
          titleEnd = m.from();
          moved = true;
          break;
        }
      }
    }
    return titleEnd;
  }

  /** Weak matches count after the title when they touch an accepted match. */
  private void acceptWeak(List<Match> accepted, int titleEnd) {
    java.util.Set<Match> taken = new java.util.HashSet<>(accepted);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Match m : matches) {
        if (!m.weak() || taken.contains(m) || m.from() < titleEnd) {
          continue;
        }
        boolean touches =
            (m.from() > 0 && covered[m.from() - 1])
                || (m.to() < covered.length && covered[m.to()])
                || (m.to() == covered.length && m.property().contains("language"))
                || (m.to() < covered.length
                    && tokens.get(m.to()).bracketed()
                    && m.property().contains("language"));
        if (touches || titleEnd < tokens.size() && m.from() == titleEnd && titleEnd > 0) {
          for (Match same : matches) {
            if (same.from() == m.from() && same.to() == m.to() && taken.add(same)) {
              accepted.add(same);
            }
          }
          for (int k = m.from(); k < m.to(); k++) {
            covered[k] = true;
          }
          changed = true;
        }
      }
    }
  }

  /** The token that is the year: the last 4-digit year before the first strong match. */
  private int chooseYear(int titleStart, int strongStart) {
    int best = -1;
    for (int i = titleStart; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.isDigits() || t.text().length() != 4 || coveredByMatch(i)) {
        continue;
      }
      int y = Integer.parseInt(t.text());
      if (y < 1920 || y > 2039) {
        continue;
      }
      if (i < strongStart || t.bracketed() && best < 0) {
        if (i == titleStart && !t.bracketed() && onlyYearWithWordsAfter(i, strongStart)) {
          best = i; // "2009.shoot.fruit.chan.dvd9": a leading year with the title after it
          continue;
        }
        if (i == titleStart && !(t.bracketed())) {
          if (!fileName || i + 1 >= strongStart) {
            // a name that is only a year ("1917") keeps it as its title, unless it is a folder
            if (fileName || strongStart == i + 1 && tokens.size() == i + 1) {
              continue;
            }
          } else {
            continue;
          }
        }
        best = i;
      }
    }
    return best;
  }

  private boolean onlyYearWithWordsAfter(int i, int strongStart) {
    for (int k = i + 1; k < tokens.size(); k++) {
      Token t = tokens.get(k);
      if (t.isDigits() && t.text().length() == 4) {
        int y = Integer.parseInt(t.text());
        if (y >= 1920 && y <= 2039) {
          return false;
        }
      }
    }
    int words = 0;
    for (int k = i + 1; k < strongStart; k++) {
      if (!coveredByMatch(k)) {
        words++;
      }
    }
    return words >= 2 && strongStart < tokens.size();
  }

  private boolean coveredByMatch(int i) {
    for (Match m : matches) {
      if (m.from() <= i && i < m.to()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Numbers around the episode marker: a year right after it ("S01E01.2008"), an episode right
   * after the year ("the.flash.2014.208.hdtv"), absolute numbers after SxxEyy ("s16e03-04 -
   * 313-314").
   */
  private void afterEpisodeNumbers(List<Match> accepted, int year, boolean anime) {
    Match last = null;
    for (Match m : accepted) {
      if (isEpisodic(m) && (last == null || m.to() > last.to())) {
        last = m;
      }
    }
    if (year >= 0 && last == null && year + 1 < tokens.size()) {
      Token t = tokens.get(year + 1);
      if (t.isDigits() && t.text().length() == 3 && !covered[year + 1]) {
        addNumberedEpisode(accepted, year + 1, anime);
        covered[year + 1] = true;
      }
      return;
    }
    if (last == null || last.to() >= tokens.size() || covered[last.to()]) {
      return;
    }
    int k = last.to();
    Token t = tokens.get(k);
    if (!t.isDigits()) {
      return;
    }
    int v = Integer.parseInt(t.text());
    if (t.text().length() == 4 && v >= 1920 && v <= 2039 && !has(accepted, "year")) {
      accepted.add(new Match(k, k + 1, "year", v, false));
      covered[k] = true;
    } else if (t.text().length() >= 2 && t.text().length() <= 4 && has(accepted, "season")) {
      List<Integer> values = new ArrayList<>(List.of(v));
      int to = k + 1;
      if (to < tokens.size() && tokens.get(to).isDigits() && tokens.get(to).before().equals("-")) {
        int end = Integer.parseInt(tokens.get(to).text());
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
        covered[c] = true;
      }
    }
  }

  /**
   * "Show.Name.313-315.s16e03-05": a three- or four-digit number (or range) right before the SxxEyy
   * marker is the absolute episode; the title ends before it.
   */
  private int absoluteBeforeEpisode(List<Match> accepted, int titleStart, int titleEnd) {
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
    if (tokens.get(k).isDigits()
        && tokens.get(k).before().equals("-")
        && k - 1 > titleStart
        && tokens.get(k - 1).isDigits()) {
      k--;
    } else {
      return titleEnd; // only a range: "The.100.S01E13" is a title with a number in it
    }
    Token t = tokens.get(k);
    if (!t.isDigits()
        || t.text().length() < 3
        || t.text().length() > 4
        || k <= titleStart
        || covered[k]) {
      return titleEnd;
    }
    int from = Integer.parseInt(t.text());
    int to = Integer.parseInt(tokens.get(end - 1).text());
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
      covered[c] = true;
    }
    return Math.min(titleEnd, k);
  }

  /**
   * Adds the episode a bare number stands for. Outside anime (no leading [Group], no CRC), a three-
   * or four-digit number is season and episode: "117" is S01E17, "0307" S03E07.
   */
  private void addNumberedEpisode(List<Match> accepted, int k, boolean anime) {
    String text = tokens.get(k).text();
    int v = Integer.parseInt(text);
    Token next = k + 1 < tokens.size() ? tokens.get(k + 1) : null;
    if (next != null
        && next.isDigits()
        && next.before().strip().equals("-")
        && next.text().length() <= 4
        && !covered[k + 1]) {
      int last = Integer.parseInt(next.text());
      if (last > v && last - v < 100) { // "Show - 16-20": a range of absolute episodes
        List<Integer> range = new ArrayList<>();
        for (int e = v; e <= last; e++) {
          range.add(e);
        }
        accepted.add(new Match(k, k + 2, "episode", List.copyOf(range), false));
        covered[k + 1] = true;
        return;
      }
    }
    if (!anime && text.length() >= 3 && v % 100 > 0 && v / 100 > 0 && v / 100 < 50) {
      accepted.add(new Match(k, k + 1, "season", v / 100, false));
      accepted.add(new Match(k, k + 1, "episode", v % 100, false));
    } else {
      accepted.add(new Match(k, k + 1, "episode", v, false));
    }
  }

  private static boolean crc(List<Match> accepted) {
    return has(accepted, "crc32");
  }

  /**
   * A number standing for the episode: "03 - Name" at the start, "[Group] 06 Name", "Show - 147"
   * after a dash, "Show 14 [720p]" or "Neverwhere.05.Down.Street" inside the name, "[401]" in
   * brackets. Not "12 Angry Men" or "1.Angry.Man" (no dash after a leading number), not "Bad Boys
   * 2" (a single digit at the end) and not "Open Season 2 (2008)" (a year follows).
   */
  private int numberedEpisode(
      int titleStart, int titleEnd, boolean yearFollows, boolean afterGroup) {
    int limit = Math.min(titleEnd + 1, tokens.size());
    for (int i = titleStart; i < limit; i++) {
      Token t = tokens.get(i);
      if (!t.isDigits() || t.text().length() > 4 || covered[i]) {
        continue;
      }
      Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
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
              && (next == null || covered[i + 1] || next.bracketed())
              && (t.text().length() >= 2 || next != null && next.bracketed());
      boolean middle = inside && padded && !yearFollows && next != null && !covered[i + 1];
      boolean rangeAtEnd = // "Show Name 13-16"
          i == titleEnd - 2
              && i > titleStart
              && next != null
              && next.isDigits()
              && next.before().equals("-")
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
      if (t.bracketed() && !bracketed) {
        continue;
      }
      if (dashed && inside
          || leading
          || lastWord
          || middle
          || bracketed
          || rangeAtEnd
          || titleAfter) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Where the release group starts. It follows the last tag: after a dash ("x264-CTU",
   * "x264-D-Z0N3", "XviD-[ZeaL]"), after "by" ("DivX.by.Artik[SEDG]"), or as the one or two words
   * left at the end ("x264.HDBRiSe", "DTS WiKi", "HQ.Hive-CM8"). A last dashed word that is only a
   * weak tag ("-HR") is the group. Web sites at the end are passed over.
   */
  private int releaseGroupStart(int titleEnd, List<Match> accepted) {
    int n = tokens.size();
    int end = n;
    while (end > 0
        && (isWebsite(accepted, end - 1)
            || isLanguage(accepted, end - 1) && !tokens.get(end - 1).before().equals("-")
            || TRAILERS.contains(tokens.get(end - 1).lower()))) {
      end--; // "-2hd.eng", "-edhd-sample", "-MeGusta-Obfuscated": not part of the group
    }
    int lastCovered = -1;
    for (int k = 0; k < end; k++) {
      boolean lastDashedTag =
          k == end - 1
              && titleEnd > 0
              && k > 0
              && covered[k - 1]
              && tokens.get(k).before().equals("-")
              && !isEpisodic(accepted, k);
      if (covered[k] && !lastDashedTag) {
        lastCovered = k;
      }
    }
    int g = lastCovered + 1;
    if (lastCovered < 0 || g >= end || g < titleEnd) {
      return n;
    }
    if (tokens.get(g).lower().equals("by") && g + 1 < end) {
      g++;
    }
    String sep = tokens.get(g).before();
    boolean dashed = sep.contains("-") && !sep.contains(" ");
    int words = end - g;
    boolean afterTag = lastCovered >= titleEnd && isTag(accepted, lastCovered);
    if (afterTag && (dashed || words <= 2)) {
      groupEnd = end;
      return g;
    }
    return n;
  }

  private int groupEnd = -1;
  private static final java.util.Set<String> TRAILERS =
      java.util.Set.of("sample", "proof", "obfuscated", "scrambled");

  private static boolean isEpisodic(List<Match> accepted, int k) {
    for (Match m : accepted) {
      if (m.from() <= k && k < m.to() && (isEpisodic(m) || m.property().equals("year"))) {
        return true;
      }
    }
    return false;
  }

  /** Weak tags that turned out to be the group ("-HR") are not tags. */
  private static void dropMatchesFrom(List<Match> accepted, int from, int to) {
    accepted.removeIf(m -> m.from() >= from && m.to() <= to);
  }

  private static boolean isLanguage(List<Match> accepted, int k) {
    for (Match m : accepted) {
      if (m.property().endsWith("language") && m.from() <= k && k < m.to()) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWebsite(List<Match> accepted, int k) {
    for (Match m : accepted) {
      if (m.property().equals("website") && m.from() <= k && k < m.to()) {
        return true;
      }
    }
    return false;
  }

  /** Whether token k carries a release tag (source, codec...), not an episode or a year. */
  private static boolean isTag(List<Match> accepted, int k) {
    for (Match m : accepted) {
      if (m.from() <= k
          && k < m.to()
          && !isEpisodic(m)
          && !m.property().equals("year")
          && !m.property().equals("part")) {
        return true;
      }
    }
    return false;
  }

  private static boolean onlyWeak(List<Match> accepted, int k) {
    for (Match m : accepted) {
      if (m.from() <= k && k < m.to() && !m.weak()) {
        return false;
      }
    }
    return true;
  }

  /** The group's text: brackets around it dropped, trailing separated brackets ([site]) too. */
  private static String cleanGroup(String g) {
    String s = g.strip();
    int close = s.indexOf(']');
    if (close > 0 && s.lastIndexOf('[', close) < 0) {
      s = s.substring(0, close); // "-[ZeaL]": the group was bracketed after the dash
    }
    int cut = s.length();
    for (int k = 1; k < s.length(); k++) {
      char c = s.charAt(k);
      if ((c == '[' || c == '(' || c == '{') && " ._-".indexOf(s.charAt(k - 1)) >= 0) {
        cut = k - 1;
        break;
      }
    }
    s = s.substring(0, cut);
    while (!s.isEmpty() && "-._ ".indexOf(s.charAt(s.length() - 1)) >= 0) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private int nextCovered(int from, int limit) {
    int i = from;
    while (i < limit
        && i < covered.length
        && !covered[i]
        && !(i > from && tokens.get(i).bracketed() && !tokens.get(i - 1).bracketed())) {
      i++;
    }
    return Math.min(i, limit);
  }

  /** The segment's text over tokens [from, to), with dots and underscores as spaces. */
  private String text(int from, int to) {
    if (from >= to || from >= tokens.size()) {
      return null;
    }
    String raw = segment.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    StringBuilder sb = new StringBuilder(raw.length());
    for (int k = 0; k < raw.length(); k++) {
      char c = raw.charAt(k);
      boolean dotInAcronym =
          c == '.'
              && k > 0
              && k + 2 < raw.length()
              && raw.charAt(k + 2) == '.'
              && Character.isLetter(raw.charAt(k + 1))
              && Character.isLetter(raw.charAt(k - 1))
              && Character.isUpperCase(raw.charAt(k + 1));
      sb.append((c == '.' && !dotInAcronym) || c == '_' ? ' ' : c);
    }
    String s = SPACES.matcher(sb).replaceAll(" ").strip();
    s = EDGE_PUNCTUATION.matcher(s).replaceAll("");
    return s;
  }

  /** Whether position k holds a letter standing alone between dots (an acronym's letter). */
  private static boolean isLoneLetter(String raw, int k) {
    if (k < 0 || k >= raw.length() || !Character.isLetter(raw.charAt(k))) {
      return false;
    }
    boolean leftOk = k == 0 || raw.charAt(k - 1) == '.';
    boolean rightOk = k == raw.length() - 1 || raw.charAt(k + 1) == '.';
    return leftOk && rightOk;
  }

  private String countryFromTitle(String title, Map<String, Object> props) {
    int space = title.lastIndexOf(' ');
    if (space < 0) {
      return title;
    }
    String last = title.substring(space + 1);
    String bare = last.replace("(", "").replace(")", "");
    boolean upper = bare.equals(bare.toUpperCase(Locale.ROOT)) && bare.length() == 2;
    String country = Languages.country(bare.toLowerCase(Locale.ROOT));
    if (country != null && upper) {
      props.put("country", country);
      return title.substring(0, space).strip();
    }
    return title;
  }

  private static Map<String, Object> collect(List<Match> accepted) {
    Map<String, Object> props = new LinkedHashMap<>();
    for (Match m : accepted) {
      Object existing = props.get(m.property());
      if (m.property().equals("proper_count")) {
        props.put(
            "proper_count",
            existing == null ? m.value() : (Integer) existing + (Integer) m.value());
        continue;
      }
      if (existing == null) {
        props.put(m.property(), m.value());
      } else if (!existing.equals(m.value())) {
        List<Object> values = new ArrayList<>();
        if (existing instanceof List<?> l) {
          values.addAll(l);
        } else {
          values.add(existing);
        }
        if (m.value() instanceof List<?> l) {
          for (Object v : l) {
            if (!values.contains(v)) {
              values.add(v);
            }
          }
        } else if (!values.contains(m.value())) {
          values.add(m.value());
        }
        props.put(m.property(), values);
      }
    }
    return props;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
