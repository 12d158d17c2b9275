package dev.reel.identify;

import dev.reel.identify.SegmentParser.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules for the numbers that place a file in a series: SxxEyy and its variants, 1x02, "Season 2",
 * "Episode 5", "Part II", S07D1, with lists and ranges ("E01-E03", "Season 1.3&5"); parts, discs,
 * versions and bonus numbers in one token are {@link PartMarkers}'.
 *
 * <p>Each way of writing them is one small rule method; at each token the rules are tried in a
 * fixed order and the first that reads the token wins. A new way is a new rule in the list, and the
 * accuracy tests show at once whether it took a case from an older one.
 */
final class NumberingRules {
  private static final Pattern SXXEXX =
      Pattern.compile("(?i)s(\\d{1,4})((?:x?ep?\\d{1,4}|x\\d{1,4})*)(?:v(\\d{1,2}))?");
  private static final Pattern EP_LIST = Pattern.compile("(?i)(?:ep|e|x)(\\d{1,4})");
  private static final Pattern NXN = Pattern.compile("(?i)(\\d{1,4})x(\\d{1,3})((?:x\\d{1,3})*)");
  private static final Pattern EPISODE_ONLY =
      Pattern.compile("(?i)(?:e|ep|episode)(\\d{1,4})(?:v(\\d{1,2}))?");
  static final Pattern EP_VERSION = Pattern.compile("(?i)(\\d{1,4})v(\\d)");
  static final Pattern N_OF_M = Pattern.compile("(?i)(\\d{1,3})of(\\d{1,3})");
  private static final Pattern SEASON_GLUED =
      Pattern.compile("(?i)(?:season|saison|temporada|stagione|staffel)(\\d{1,2})");
  private static final Pattern SEASON_EXTRAS = Pattern.compile("(?i)s(\\d{1,2})extras?");
  private static final Pattern SEASON_DISC = Pattern.compile("(?i)s(\\d{1,2})d(\\d{1,2})");
  private static final Pattern SEASONS_GLUED = Pattern.compile("(?i)s\\d{1,3}(?:s\\d{1,3})+");
  private static final Pattern EPISODES_GLUED = Pattern.compile("(?i)e\\d{1,4}(?:e\\d{1,4})+");
  private static final Pattern ALL_EPISODES = Pattern.compile("(?i)(\\d{1,2})xall");
  static final java.util.Set<String> EPISODE_WORD =
      java.util.Set.of("episode", "ep", "episodio", "episodes", "cap", "capitulo");

  private final SegmentParser p;
  private final NumberLists lists;
  private final WordNumberRules words;
  private final PartMarkers parts;

  NumberingRules(SegmentParser p) {
    this.p = p;
    this.lists = new NumberLists(p);
    this.words = new WordNumberRules(p, lists);
    this.parts = new PartMarkers(p);
  }

  /**
   * Season, episode, part, disc and version markers at token i; returns tokens used or 0. Each way
   * of writing them is one small method that reads the tokens at {@code i} and, when they are
   * written its way, records their matches and returns how many tokens it used (else 0, recording
   * nothing). They are tried in this order and the first that reads the token wins: the rules that
   * look beyond one marker, then {@link #markers}. (Direct calls, not a list of lambdas: one call
   * site per rule lets the JIT inline each, a fifth of identify's time.)
   */
  int match(int i) {
    Token t = p.tokens.get(i);
    int used = ordinalSeason(i, t);
    if (used == 0) {
      used = cjkMarker(i, t);
    }
    if (used == 0) {
      used = wordBeforeMarker(i, t);
    }
    if (used == 0) {
      used = markers(i, t);
    }
    return used;
  }

  /** Markers written in one token, then a word and a number, in the order they are tried. */
  private int markers(int i, Token t) {
    if (!t.hasDigit()) {
      return words.read(i, t); // every one-token marker has a digit ("S01", "1x02", "CD1")
    }
    int used = seasonAndEpisodes(i, t);
    if (used == 0) {
      used = gluedSeasonsOrEpisodes(i, t);
    }
    if (used == 0) {
      used = seasonExtras(i, t);
    }
    if (used == 0) {
      used = seasonDisc(i, t);
    }
    if (used == 0) {
      used = crossed(i, t);
    }
    if (used == 0) {
      used = episodeOnly(i, t);
    }
    if (used == 0) {
      used = seasonWordGlued(i, t);
    }
    if (used == 0) {
      used = wholeSeason(i, t);
    }
    if (used == 0) {
      used = episodeOfCount(i, t);
    }
    if (used == 0) {
      used = parts.read(i, t);
    }
    if (used == 0) {
      used = words.read(i, t);
    }
    return used;
  }

  static char lowerFirst(Token t) {
    return Character.toLowerCase(t.text().charAt(0));
  }

  /** "Kimi ni Todoke 2nd Season - 00", "Hayate no Gotoku 2nd Season 24". */
  private int ordinalSeason(int i, Token word) {
    Token after = p.at(i + 1);
    if (after == null || !after.lower().equals("season")) {
      return 0;
    }
    Integer spelled = ORDINAL_WORDS.get(word.lower()); // "Second Season"
    if (spelled == null
        && !(Character.isDigit(word.text().charAt(0)) && ORDINAL.matcher(word.lower()).matches())) {
      return 0;
    }
    p.add(
        i,
        i + 2,
        "season",
        spelled != null ? spelled : Integer.parseInt(word.lower().replaceAll("\\D", "")),
        false);
    Token number = p.at(i + 2);
    if (number != null && number.isDigits() && number.text().length() <= 3 && !number.bracketed()) {
      p.add(i + 2, i + 3, "episode", Integer.parseInt(number.text()), false);
      return 3;
    }
    return 2;
  }

  /** "第01话", "01話", "第3集", "1화" (episodes); "第2季", "2期", "시즌2" (seasons). */
  private int cjkMarker(int i, Token word) {
    char w0 = lowerFirst(word);
    if (!(w0 > 0x2E80 || Character.isDigit(w0) && word.text().length() <= 6 && !word.isDigits())) {
      return 0;
    }
    Matcher cjk = CJK_EPISODE.matcher(word.text());
    if (cjk.matches()) {
      p.add(i, i + 1, "episode", Integer.parseInt(cjk.group(1)), false);
      return 1;
    }
    cjk = CJK_SEASON.matcher(word.text());
    if (cjk.matches()) {
      String n = cjk.group(1) != null ? cjk.group(1) : cjk.group(2);
      p.add(i, i + 1, "season", Integer.parseInt(n), false);
      return 1;
    }
    return 0;
  }

  /** "Ep 2x03": the word belongs to the marker after it. */
  private int wordBeforeMarker(int i, Token word) {
    Token after = p.at(i + 1);
    char w0 = lowerFirst(word);
    if (after == null
        || !(w0 == 'e' || w0 == 'c')
        || word.text().length() > 9
        || !EPISODE_WORD.contains(word.lower())
        || !(NXN.matcher(after.text()).matches() || SXXEXX.matcher(after.text()).matches())) {
      return 0;
    }
    int before = p.matches.size();
    int used = markers(i + 1, p.tokens.get(i + 1));
    if (used == 0) {
      return 0;
    }
    for (int k = before; k < p.matches.size(); k++) {
      Match m = p.matches.get(k);
      p.matches.set(k, new Match(i, m.to(), m.property(), m.value(), m.weak()));
    }
    p.covered[i] = true;
    return used + 1;
  }

  private static final java.util.Map<String, Integer> ORDINAL_WORDS =
      java.util.Map.of(
          "first", 1, "second", 2, "third", 3, "fourth", 4, "fifth", 5, "sixth", 6, "seventh", 7);

  private static final java.util.regex.Pattern ORDINAL =
      java.util.regex.Pattern.compile("\\d{1,2}(?:st|nd|rd|th)");
  private static final java.util.regex.Pattern CJK_EPISODE =
      java.util.regex.Pattern.compile("第?(\\d{1,4})[话話集回화]");
  private static final java.util.regex.Pattern CJK_SEASON =
      java.util.regex.Pattern.compile("第?(\\d{1,2})[季期]|시즌(\\d{1,2})");

  /** "S01E02", "S01E01E02", "S01E01-E03", "S01.E02", "S01-S10", "S2014E18", "S01E06v2". */
  private int seasonAndEpisodes(int i, Token t) {
    String s = t.text();
    Matcher m;
    if (lowerFirst(t) != 's'
        || !t.hasDigit()
        || !(m = SXXEXX.matcher(s)).matches()
        || !(m.group(2).isEmpty() ? seasonAlone(s) && m.group(3) == null : true)) {
      return 0;
    }
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
              || (ep = PartMarkers.BONUS_X.matcher(next.text())).matches())) {
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

  /** "S01S02S03", "E01E02": seasons or episodes glued in one token. */
  private int gluedSeasonsOrEpisodes(int i, Token t) {
    String s = t.text();
    char c0 = lowerFirst(t);
    if (!(c0 == 's' || c0 == 'e')
        || !t.hasDigit()
        || !(SEASONS_GLUED.matcher(s).matches() || EPISODES_GLUED.matcher(s).matches())) {
      return 0;
    }
    List<Integer> values = new ArrayList<>();
    for (String part : s.substring(1).split("(?i)[se]")) {
      values.add(Integer.parseInt(part));
    }
    p.add(i, i + 1, c0 == 's' ? "season" : "episode", List.copyOf(values), false);
    return 1;
  }

  /** "S01Extras". */
  private int seasonExtras(int i, Token t) {
    Matcher m;
    if (lowerFirst(t) != 's' || !t.hasDigit() || !(m = SEASON_EXTRAS.matcher(t.text())).matches()) {
      return 0;
    }
    p.add(i, i + 1, "season", Integer.parseInt(m.group(1)), false);
    p.add(i, i + 1, "other", "Extras", false);
    return 1;
  }

  /** "S07D1": a season's disc. */
  private int seasonDisc(int i, Token t) {
    Matcher m;
    if (lowerFirst(t) != 's' || !t.hasDigit() || !(m = SEASON_DISC.matcher(t.text())).matches()) {
      return 0;
    }
    p.add(i, i + 1, "season", Integer.parseInt(m.group(1)), false);
    p.add(i, i + 1, "disc", Integer.parseInt(m.group(2)), false);
    return 1;
  }

  /** "1x02", "1x02x03", "1940x01" (a year as the season), not "1920x1080". */
  private int crossed(int i, Token t) {
    Matcher m;
    if (!Character.isDigit(t.text().charAt(0))
        || t.lower().indexOf('x') < 0
        || !(m = NXN.matcher(t.text())).matches()
        || isResolution(m)) {
      return 0;
    }
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

  /** "E05", "Ep05", "Episode5", "Ep05v2", and lists after them. */
  private int episodeOnly(int i, Token t) {
    String s = t.text();
    Matcher m;
    if (lowerFirst(t) != 'e'
        || !t.hasDigit()
        || !(m = EPISODE_ONLY.matcher(s)).matches()
        || s.length() <= 1
        || !(i > 0 || p.fileName)) {
      return 0;
    }
    List<Integer> episodes = new ArrayList<>(List.of(Integer.parseInt(m.group(1))));
    int used = 1 + lists.continuation(i + 1, episodes, "e");
    p.add(i, i + used, "episode", NumberLists.list(episodes), false);
    if (m.group(2) != null) { // "Ep05v2"
      p.add(i, i + 1, "version", Integer.parseInt(m.group(2)), false);
    }
    return used;
  }

  /** "Season2", "Saison3". */
  private int seasonWordGlued(int i, Token t) {
    Matcher m;
    if (!t.hasDigit()
        || Character.isDigit(t.text().charAt(0))
        || !(m = SEASON_GLUED.matcher(t.text())).matches()) {
      return 0;
    }
    p.add(i, i + 1, "season", Integer.parseInt(m.group(1)), false);
    return 1;
  }

  /** "2xAll": a whole season. */
  private int wholeSeason(int i, Token t) {
    Matcher m;
    if (!Character.isDigit(t.text().charAt(0))
        || t.lower().indexOf('x') < 0
        || !(m = ALL_EPISODES.matcher(t.text())).matches()) {
      return 0;
    }
    p.add(i, i + 1, "season", Integer.parseInt(m.group(1)), false);
    p.add(i, i + 1, "other", "Complete", false);
    return 1;
  }

  /** "[20of25]": an episode and the season's count. */
  private int episodeOfCount(int i, Token t) {
    Matcher m;
    if (!Character.isDigit(t.text().charAt(0))
        || !t.lower().contains("of")
        || !(m = N_OF_M.matcher(t.text())).matches()
        || i == 0) {
      return 0;
    }
    p.add(i, i + 1, "episode", Integer.parseInt(m.group(1)), false);
    p.add(i, i + 1, "episode_count", Integer.parseInt(m.group(2)), false);
    return 1;
  }

  private boolean seasonAlone(String s) {
    return s.length() >= 2 && s.length() <= 4;
  }

  private static boolean isResolution(Matcher m) {
    return m.group(2).length() >= 3;
  }
}
