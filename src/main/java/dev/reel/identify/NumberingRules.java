package dev.reel.identify;

import dev.reel.identify.SegmentParser.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules for the numbers that place a file in a series: SxxEyy and its variants, 1x02, "Season 2",
 * "Episode 5", "Part II", CD1, S07D1, versions and bonus numbers, with lists and ranges ("E01-E03",
 * "Season 1.3&5").
 */
final class NumberingRules {
  private static final Pattern SXXEXX =
      Pattern.compile("(?i)s(\\d{1,4})((?:x?ep?\\d{1,4}|x\\d{1,4})*)(?:v(\\d{1,2}))?");
  private static final Pattern EP_LIST = Pattern.compile("(?i)(?:ep|e|x)(\\d{1,4})");
  private static final Pattern NXN = Pattern.compile("(?i)(\\d{1,4})x(\\d{1,3})((?:x\\d{1,3})*)");
  private static final Pattern EPISODE_ONLY =
      Pattern.compile("(?i)(?:e|ep|episode)(\\d{1,4})(?:v(\\d{1,2}))?");
  private static final Pattern BONUS_X = Pattern.compile("(?i)x(\\d{1,3})");
  private static final Pattern EP_VERSION = Pattern.compile("(?i)(\\d{1,4})v(\\d)");
  private static final Pattern VERSION = Pattern.compile("(?i)v(\\d)");
  private static final Pattern CD = Pattern.compile("(?i)cd(\\d{1,2})(?:of(\\d{1,2}))?");
  private static final Pattern N_OF_M = Pattern.compile("(?i)(\\d{1,3})of(\\d{1,3})");
  private static final java.util.Set<String> PART_WORD = java.util.Set.of("part", "pt");
  private static final java.util.Set<String> SEASON_WORD =
      java.util.Set.of(
          "season",
          "seasons",
          "saison",
          "saisons",
          "series",
          "temporada",
          "stagione",
          "seizoen",
          "staffel");
  private static final Pattern SEASON_GLUED =
      Pattern.compile("(?i)(?:season|saison|temporada|stagione|staffel)(\\d{1,2})");
  private static final Pattern CD_COUNT = Pattern.compile("(?i)(\\d)cds?");
  private static final Pattern FILM = Pattern.compile("(?i)f(\\d{1,3})");
  private static final Pattern SEASON_EXTRAS = Pattern.compile("(?i)s(\\d{1,2})extras?");
  private static final Pattern SEASON_DISC = Pattern.compile("(?i)s(\\d{1,2})d(\\d{1,2})");
  private static final java.util.Map<String, Integer> NUMBER_WORDS =
      java.util.Map.ofEntries(
          java.util.Map.entry("one", 1),
          java.util.Map.entry("two", 2),
          java.util.Map.entry("three", 3),
          java.util.Map.entry("four", 4),
          java.util.Map.entry("five", 5),
          java.util.Map.entry("six", 6),
          java.util.Map.entry("seven", 7),
          java.util.Map.entry("eight", 8),
          java.util.Map.entry("nine", 9),
          java.util.Map.entry("ten", 10),
          java.util.Map.entry("un", 1),
          java.util.Map.entry("une", 1),
          java.util.Map.entry("deux", 2),
          java.util.Map.entry("trois", 3),
          java.util.Map.entry("quatre", 4),
          java.util.Map.entry("cinq", 5),
          java.util.Map.entry("sept", 7),
          java.util.Map.entry("huit", 8),
          java.util.Map.entry("neuf", 9),
          java.util.Map.entry("dix", 10),
          java.util.Map.entry("first", 1),
          java.util.Map.entry("second", 2),
          java.util.Map.entry("third", 3));
  private static final Pattern SEASONS_GLUED = Pattern.compile("(?i)s\\d{1,3}(?:s\\d{1,3})+");
  private static final Pattern EPISODES_GLUED = Pattern.compile("(?i)e\\d{1,4}(?:e\\d{1,4})+");
  private static final Pattern PART_GLUED = Pattern.compile("(?i)(?:part|pt)(\\d{1,2})");
  private static final Pattern ALL_EPISODES = Pattern.compile("(?i)(\\d{1,2})xall");
  private static final java.util.Set<String> EPISODE_WORD =
      java.util.Set.of("episode", "ep", "episodio", "episodes", "cap", "capitulo");

  private final SegmentParser p;
  private final NumberLists lists;

  NumberingRules(SegmentParser p) {
    this.p = p;
    this.lists = new NumberLists(p);
  }

  /** Season, episode, part, disc and version markers at token i; returns tokens used or 0. */
  int match(int i) {
    Token word = p.at(i);
    Token after = p.at(i + 1);
    char w0 = Character.toLowerCase(word.text().charAt(0));
    if (after != null
        && Character.isDigit(w0)
        && after.lower().equals("season")
        && ORDINAL.matcher(word.lower()).matches()) {
      // "Kimi ni Todoke 2nd Season - 00", "Hayate no Gotoku 2nd Season 24"
      p.add(i, i + 2, "season", Integer.parseInt(word.lower().replaceAll("\\D", "")), false);
      Token number = p.at(i + 2);
      if (number != null
          && number.isDigits()
          && number.text().length() <= 3
          && !number.bracketed()) {
        p.add(i + 2, i + 3, "episode", Integer.parseInt(number.text()), false);
        return 3;
      }
      return 2;
    }
    if (w0 > 0x2E80 || Character.isDigit(w0) && word.text().length() <= 6 && !word.isDigits()) {
      Matcher cjk = CJK_EPISODE.matcher(word.text());
      if (cjk.matches()) { // "第01话", "01話", "第3集", "1화"
        p.add(i, i + 1, "episode", Integer.parseInt(cjk.group(1)), false);
        return 1;
      }
      cjk = CJK_SEASON.matcher(word.text());
      if (cjk.matches()) { // "第2季", "2期", "시즌2"
        String n = cjk.group(1) != null ? cjk.group(1) : cjk.group(2);
        p.add(i, i + 1, "season", Integer.parseInt(n), false);
        return 1;
      }
    }
    if (after != null
        && (w0 == 'e' || w0 == 'c')
        && word.text().length() <= 9
        && EPISODE_WORD.contains(word.lower())
        && (NXN.matcher(after.text()).matches() || SXXEXX.matcher(after.text()).matches())) {
      int before = p.matches.size();
      int used = markers(i + 1); // "Ep 2x03": the word belongs to the marker after it
      if (used > 0) {
        for (int k = before; k < p.matches.size(); k++) {
          Match m = p.matches.get(k);
          p.matches.set(k, new Match(i, m.to(), m.property(), m.value(), m.weak()));
        }
        p.covered[i] = true;
        return used + 1;
      }
    }
    return markers(i);
  }

  private static final java.util.regex.Pattern ORDINAL =
      java.util.regex.Pattern.compile("\\d{1,2}(?:st|nd|rd|th)");
  private static final java.util.regex.Pattern CJK_EPISODE =
      java.util.regex.Pattern.compile("第?(\\d{1,4})[话話集回화]");
  private static final java.util.regex.Pattern CJK_SEASON =
      java.util.regex.Pattern.compile("第?(\\d{1,2})[季期]|시즌(\\d{1,2})");

  private boolean episodeBefore() {
    for (Match m : p.matches) {
      if (m.property().equals("episode")) {
        return true;
      }
    }
    return false;
  }

  private int markers(int i) {
    Token t = p.tokens.get(i);
    String s = t.text();
    Matcher m;
    char c0 = Character.toLowerCase(s.charAt(0));
    boolean digitStart = Character.isDigit(c0);
    boolean hasDigit = t.hasDigit();
    String lo = t.lower();
    boolean hasX = lo.indexOf('x') >= 0;
    if (c0 == 's'
        && hasDigit
        && (m = SXXEXX.matcher(s)).matches()
        && (m.group(2).isEmpty() ? seasonAlone(s) && m.group(3) == null : true)) {
      int season = Integer.parseInt(m.group(1));
      if (m.group(3) != null) { // "S01E06v2": the release's second version
        p.add(i, i + 1, "version", Integer.parseInt(m.group(3)), false);
      }
      List<Integer> episodes = new ArrayList<>();
      Matcher e = EP_LIST.matcher(m.group(2));
      while (e.find()) {
        episodes.add(Integer.parseInt(e.group(1)));
      }
      int used = 1;
      if (!episodes.isEmpty()) {
        used += lists.continuation(i + 1, episodes, "e");
      } else {
        Token next = p.at(i + 1);
        Matcher ep;
        String sep = next == null ? "" : next.before().strip();
        if (next != null
            && (sep.isEmpty() || sep.equals("-") || sep.equals("."))
            && ((ep = EPISODE_ONLY.matcher(next.text())).matches()
                || (ep = BONUS_X.matcher(next.text())).matches())) {
          episodes.add(Integer.parseInt(ep.group(1)));
          used += 1 + lists.continuation(i + 2, episodes, "e");
        } else {
          List<Integer> seasons = new ArrayList<>(List.of(season));
          used += lists.continuation(i + 1, seasons, "s"); // "S01-S10", "S01S02"
          if (seasons.size() > 1) {
            p.add(i, i + used, "season", List.copyOf(seasons), false);
            return used;
          }
        }
      }
      p.add(i, i + used, "season", season, false);
      if (Years.plausible(season)) {
        p.add(i, i + used, "year", season, false); // "S2014E18"
      }
      if (!episodes.isEmpty()) {
        p.add(i, i + used, "episode", NumberLists.list(episodes), false);
      }
      return used;
    }
    if ((c0 == 's' || c0 == 'e')
        && hasDigit
        && (SEASONS_GLUED.matcher(s).matches() || EPISODES_GLUED.matcher(s).matches())) {
      List<Integer> values = new ArrayList<>();
      for (String part : s.substring(1).split("(?i)[se]")) {
        values.add(Integer.parseInt(part));
      }
      p.add(i, i + 1, c0 == 's' ? "season" : "episode", List.copyOf(values), false);
      return 1;
    }
    if (c0 == 's' && hasDigit && (m = SEASON_EXTRAS.matcher(s)).matches()) {
      p.add(i, i + 1, "season", Integer.parseInt(m.group(1)), false); // "S01Extras"
      p.add(i, i + 1, "other", "Extras", false);
      return 1;
    }
    if (c0 == 's' && hasDigit && (m = SEASON_DISC.matcher(s)).matches()) {
      p.add(i, i + 1, "season", Integer.parseInt(m.group(1)), false);
      p.add(i, i + 1, "disc", Integer.parseInt(m.group(2)), false);
      return 1;
    }
    if (digitStart && hasX && (m = NXN.matcher(s)).matches() && !isResolution(m)) {
      int season = Integer.parseInt(m.group(1));
      if (Years.plausible(season)) {
        p.add(i, i + 1, "year", season, false); // "1940x01"
      }
      List<Integer> episodes = new ArrayList<>();
      episodes.add(Integer.parseInt(m.group(2)));
      for (String x : m.group(3).split("(?i)x")) {
        if (!x.isEmpty()) {
          episodes.add(Integer.parseInt(x));
        }
      }
      int used = 1 + lists.continuation(i + 1, episodes, "x");
      p.add(i, i + used, "season", season, false);
      p.add(i, i + used, "episode", NumberLists.list(episodes), false);
      return used;
    }
    if (c0 == 'e' && hasDigit && (m = EPISODE_ONLY.matcher(s)).matches() && true || false) {
      if (s.length() > 1 && (i > 0 || p.fileName)) {
        List<Integer> episodes = new ArrayList<>(List.of(Integer.parseInt(m.group(1))));
        int used = 1 + lists.continuation(i + 1, episodes, "e");
        p.add(i, i + used, "episode", NumberLists.list(episodes), false);
        if (m.group(2) != null) { // "Ep05v2"
          p.add(i, i + 1, "version", Integer.parseInt(m.group(2)), false);
        }
        return used;
      }
    }
    if (hasDigit && !digitStart && (m = SEASON_GLUED.matcher(s)).matches()) {
      p.add(i, i + 1, "season", Integer.parseInt(m.group(1)), false);
      return 1;
    }
    if (digitStart && hasX && (m = ALL_EPISODES.matcher(s)).matches()) {
      p.add(i, i + 1, "season", Integer.parseInt(m.group(1)), false);
      return 1;
    }
    Token next = p.at(i + 1);
    if (next != null && next.isDigits() && next.text().length() <= 4) {
      int value = Integer.parseInt(next.text());
      if (SEASON_WORD.contains(lo) && value < 100 && !p.tags.dateAt(i + 1)) {
        List<Integer> seasons = new ArrayList<>(List.of(value));
        int used = 2 + lists.seasonList(i + 2, seasons);
        p.add(i, i + used, "season", NumberLists.list(seasons), false);
        return used;
      }
      if (EPISODE_WORD.contains(lo) && !episodeBefore()) {
        if (c0 == 'c' && value >= 100) { // Spanish "Cap.408", "Cap.1503", "Cap.102_104"
          List<Integer> episodes = new ArrayList<>(List.of(value % 100));
          Token last = p.at(i + 2);
          int used = 2;
          if (last != null
              && last.isDigits()
              && last.before().equals("_")
              && last.text().length() == next.text().length()) {
            NumberLists.addRange(episodes, Integer.parseInt(last.text()) % 100, true);
            used = 3;
          }
          p.add(i, i + used, "season", value / 100, false);
          p.add(i, i + used, "episode", NumberLists.list(episodes), false);
          return used;
        }
        List<Integer> episodes = new ArrayList<>(List.of(value));
        int used = 2 + lists.continuation(i + 2, episodes, "");
        p.add(i, i + used, "episode", NumberLists.list(episodes), false);
        return used;
      }
      if (PART_WORD.contains(lo) && value < 100) {
        p.add(i, i + 2, "part", value, false);
        return 2;
      }
      if (s.equalsIgnoreCase("cd") && value < 100) { // "cd 1of3" is handled below
        p.add(i, i + 2, "cd", value, false);
        return 2;
      }
      if ((s.equalsIgnoreCase("disc") || s.equalsIgnoreCase("disk")) && value < 100) {
        p.add(i, i + 2, "disc", value, false);
        return 2;
      }
    }
    if (next != null && SEASON_WORD.contains(lo)) {
      Matcher of = N_OF_M.matcher(next.text());
      int roman = Roman.value(next.text());
      if (of.matches()) {
        p.add(i, i + 2, "season", Integer.parseInt(of.group(1)), false);
        p.add(i, i + 2, "season_count", Integer.parseInt(of.group(2)), false);
        return 2;
      }
      Integer word = NUMBER_WORDS.get(next.lower());
      if (roman > 0 || word != null) {
        p.add(i, i + 2, "season", roman > 0 ? roman : word, false);
        return 2;
      }
    }
    if (next != null
        && EPISODE_WORD.contains(lo)
        && (m = EP_VERSION.matcher(next.text())).matches()) {
      p.add(i, i + 2, "episode", Integer.parseInt(m.group(1)), false);
      p.add(i, i + 2, "version", Integer.parseInt(m.group(2)), false);
      return 2;
    }
    if (next != null && s.equalsIgnoreCase("cd") && (m = N_OF_M.matcher(next.text())).matches()) {
      p.add(i, i + 2, "cd", Integer.parseInt(m.group(1)), false);
      p.add(i, i + 2, "cd_count", Integer.parseInt(m.group(2)), false);
      return 2;
    }
    if (digitStart && lo.contains("of") && (m = N_OF_M.matcher(s)).matches() && i > 0) {
      p.add(i, i + 1, "episode", Integer.parseInt(m.group(1)), false);
      p.add(i, i + 1, "episode_count", Integer.parseInt(m.group(2)), false);
      return 1;
    }
    Token third = p.at(i + 2);
    if (t.isDigits()
        && s.length() <= 3
        && i > 0
        && next != null
        && next.lower().equals("of")
        && third != null
        && third.isDigits()
        && third.text().length() <= 3) {
      p.add(i, i + 3, "episode", Integer.parseInt(s), false);
      p.add(i, i + 3, "episode_count", Integer.parseInt(third.text()), false);
      return 3;
    }
    if (next != null && PART_WORD.contains(lo)) {
      int roman = Roman.value(next.text());
      Integer word = NUMBER_WORDS.get(next.lower());
      if (roman > 0 || word != null) {
        p.add(i, i + 2, "part", roman > 0 ? roman : word, false);
        return 2;
      }
    }
    if (c0 == 'p' && hasDigit && (m = PART_GLUED.matcher(s)).matches()) {
      p.add(i, i + 1, "part", Integer.parseInt(m.group(1)), false);
      return 1;
    }
    if (c0 == 'c' && hasDigit && (m = CD.matcher(s)).matches()) {
      p.add(i, i + 1, "cd", Integer.parseInt(m.group(1)), false);
      if (m.group(2) != null) {
        p.add(i, i + 1, "cd_count", Integer.parseInt(m.group(2)), false);
      }
      return 1;
    }
    if (digitStart && lo.contains("cd") && (m = CD_COUNT.matcher(s)).matches()) {
      p.add(i, i + 1, "cd_count", Integer.parseInt(m.group(1)), false); // "2CD"
      return 1;
    }
    if (c0 == 'f'
        && hasDigit
        && i > 0
        && t.before().contains("-")
        && (m = FILM.matcher(s)).matches()) {
      p.add(i, i + 1, "film", Integer.parseInt(m.group(1)), false); // "James_Bond-f21-Title"
      return 1;
    }
    if (c0 == 'x'
        && hasDigit
        && (m = BONUS_X.matcher(s)).matches()
        && i > 0
        && t.before().contains("-")) {
      p.add(i, i + 1, "bonus", Integer.parseInt(m.group(1)), false);
      return 1;
    }
    if (digitStart && lo.indexOf('v') > 0 && (m = EP_VERSION.matcher(s)).matches()) {
      p.add(i, i + 1, "episode", Integer.parseInt(m.group(1)), false);
      p.add(i, i + 1, "version", Integer.parseInt(m.group(2)), false);
      return 1;
    }
    if (c0 == 'v' && hasDigit && (m = VERSION.matcher(s)).matches() && i > 0) {
      p.add(i, i + 1, "version", Integer.parseInt(m.group(1)), false);
      return 1;
    }
    return 0;
  }

  private boolean seasonAlone(String s) {
    return s.length() >= 2 && s.length() <= 4;
  }

  private static boolean isResolution(Matcher m) {
    return m.group(2).length() >= 3;
  }
}
