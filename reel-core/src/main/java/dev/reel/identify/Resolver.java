package dev.reel.identify;

import dev.reel.identify.SegmentParser.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides, from the matches of one segment, where the title ends, which weak matches count, which
 * number is the year, and what the episode title and release group are: one step after another,
 * each reading and extending the resolution kept in this object's fields.
 */
final class Resolver {
  final String segment;
  final List<Token> tokens;
  final List<Match> matches;
  final boolean fileName;
  final boolean[] covered;
  final WeakTags weak = new WeakTags(this);
  final EpisodeNumbers episodes = new EpisodeNumbers(this);
  final ReleaseGroups groups = new ReleaseGroups(this);
  final TitleText titles = new TitleText(this);
  final YearChoice years = new YearChoice(this);
  private final FrontBrackets front = new FrontBrackets(this);
  private final EpisodeTitles episodeTitles = new EpisodeTitles(this);

  // The resolution so far: each step below reads it and extends it.
  /** Where the title starts and ends (tokens [titleStart, titleEnd)). */
  int titleStart;

  int titleEnd;

  /** The year's token, or -1. */
  int year = -1;

  /** Where the release group starts (the token count when there is none at the end). */
  int groupStart;

  String group;

  /** Whether a bracket in front holds the group ("[Group] Show - 01"). */
  boolean leadingGroup;

  /** Whether the bracket in front is the title ("[Keroro].148.[Xvid.mp3]"). */
  boolean titleInFront;

  /** The matches that count, strong ones and the weak ones the title's end lets in. */
  final List<Match> accepted = new ArrayList<>();

  String title;
  String episodeTitle;

  Resolver(String segment, List<Token> tokens, List<Match> matches, boolean fileName) {
    this.segment = segment;
    this.tokens = tokens;
    this.matches = new ArrayList<>(matches);
    this.fileName = fileName;
    this.covered = new boolean[tokens.size()];
  }

  SegmentParse resolve() {
    dropSeasonWordsBeforeAYear();
    front.read(); // the group or the title in a bracket in front
    titleSpan();
    acceptMatches();
    numberedEpisodes();
    releaseGroup();
    episodeTitles.read();
    episodeTitles.specialsAfterYear();
    return parse();
  }

  /** Where the title starts and ends, and which number is the year. */
  private void titleSpan() {
    int n = tokens.size();
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
    year = years.choose(titleStart, strongStart);
    titleEnd = year >= 0 ? Math.min(strongStart, year) : strongStart;
    for (int k = titleStart + 1; k < titleEnd; k++) {
      if (tokens.get(k).bracketed() && !tokens.get(k - 1).bracketed()) {
        int after = wordsInsideTitle(k, titleEnd);
        if (after > k) {
          k = after - 1; // "You Are (Not) Alone", "Mezzo(DSA) - 05": the title's own bracket
          continue;
        }
        titleEnd = k; // "Le Prestige (The Prestige)": the bracket holds another title or tags
        break;
      }
      if (tokens.get(titleStart).bracketed()
          && tokens.get(k).bracketed()
          && tokens.get(k).before().indexOf(']') >= 0) {
        titleEnd = k; // "[Group][Title][01][1080p]": the title's bracket has closed
        break;
      }
    }
  }

  /** The strong matches, the year, and the weak matches the title's end lets in. */
  private void acceptMatches() {
    int n = tokens.size();
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
    if (weak.allTokensMatched(titleStart)) {
      for (Match m : matches) { // a name that is only tags has no title to protect
        if (m.weak()) {
          accepted.add(m);
        }
      }
      markCovered(accepted);
    }
    titleEnd = weak.weakBeforeTitleEnd(accepted, titleStart, titleEnd, false);
    weak.acceptWeak(accepted, titleEnd);
    final int start = titleStart;
    boolean episodeFirst = matches.stream().anyMatch(m -> m.from() == start && isEpisodic(m));
    if (titleEnd <= titleStart && fileName && !episodeFirst) {
      int[] run = firstFreeRun(titleStart, n);
      if (run != null && run[0] > titleStart) {
        titleStart = run[0];
        titleEnd = run[1];
      }
    }
  }

  /** Episode numbers written bare ("Show - 147", "S2 - 09", "- 16-20 (191-195)"). */
  private void numberedEpisodes() {
    int n = tokens.size();
    // Anime and numbered files: "Show - 147", "03 - Episode Name"; a date may come with one
    if (!has(accepted, "episode") && !has(accepted, "season") && fileName) {
      int number =
          episodes.numberedEpisode(titleStart, titleEnd, year >= 0, group != null || titleInFront);
      if (number >= 0) {
        boolean tagsInBrackets = // "Show Name - 722 [HD_1280x720]": released the anime way
            number + 1 < n && tokens.get(number + 1).bracketed() && coveredByMatch(number + 1);
        episodes.addNumberedEpisode(
            accepted,
            number,
            leadingGroup || titleInFront || EpisodeNumbers.crc(accepted) || tagsInBrackets);
        covered[number] = true;
        if (number > titleStart) {
          titleEnd = Math.min(titleEnd, number);
        }
        if (titleInFront) { // "[Some Show HD REMASTER][07]": the tags end the bracket's title
          titleEnd = weak.weakBeforeTitleEnd(accepted, titleStart, titleEnd, true);
        }
      }
    }
    if (fileName && !has(accepted, "episode")) {
      episodes.numberAfterSeason(accepted); // "Show S2 - 09", "第2季 - 03"
    }
    episodes.afterEpisodeNumbers(accepted, year, leadingGroup);
    titleEnd = episodes.absoluteBeforeEpisode(accepted, titleStart, titleEnd);
  }

  /** The release group at the end, unless the one in front stays. */
  private void releaseGroup() {
    int n = tokens.size();
    accepted.sort((a, b) -> Integer.compare(a.from(), b.from()));
    groupStart = n;
    ReleaseGroups.Span found = groups.releaseGroup(titleEnd, accepted);
    // "[Group] Show - 01 [720p][Fixed]": the group in front stays the group, unless the end is
    // written the scene's way ("[ABC] Some.Title.XViD-GRP")
    if (found != null && (!leadingGroup || found.scene())) {
      groupStart = found.start();
      int stop = found.end() < n ? tokens.get(found.end()).start() : segment.length();
      group =
          ReleaseGroups.cleanGroup(
              segment.substring(
                  tokens.get(groupStart).start(), Math.max(stop, tokens.get(groupStart).end())));
      ReleaseGroups.dropMatchesFrom(accepted, groupStart, found.end());
    }
    if (group == null && fileName) {
      group = groups.loneBracketedWord(Math.max(titleEnd, 1)); // "(2007).[HorribleSubs][WEBRip]"
    }
    if (group == null && fileName) {
      group = groups.bracketOfWordsAfterEpisode(titleStart, accepted);
    }
  }

  /** The properties of the accepted matches, with what the title and the year still tell. */
  private SegmentParse parse() {
    Map<String, Object> props = MatchProperties.collect(accepted);
    boolean dayInFront = false;
    if (year >= 0 && props.containsKey("date") && !props.containsKey("episode")) {
      Match date = matchAt(accepted, titleStart, "date");
      dayInFront = date != null && date.to() < year; // "09.03.08.The.Doors.(1991)"
    }
    if (Integer.valueOf(1).equals(props.get("proper_count"))
        && accepted.stream()
            .anyMatch(
                m ->
                    m.property().equals("proper_count")
                        && tokens.get(m.from()).lower().equals("real"))) {
      props.put("proper_count", 2); // REAL alone fixes a proper: the second one
    }
    countryAfter(titleEnd, props);
    if (year >= 0) {
      countryAfter(year + 1, props);
    }
    for (Match m : accepted) {
      if (m.property().equals("film") && title != null) { // "Collection-f21-Film Title"
        props.put("film_title", title);
        title = titles.text(m.to(), nextCovered(m.to(), groupStart));
      }
    }
    for (Match m : accepted) {
      if (m.property().equals("bonus")) { // "Movie-x01-Making Of": the bonus feature's title
        String bonusTitle = titles.text(m.to(), nextCovered(m.to(), groupStart));
        if (bonusTitle != null) {
          props.put("bonus_title", bonusTitle);
          if (bonusTitle.equals(episodeTitle)) {
            episodeTitle = null;
          }
        }
      }
    }
    if (title != null) {
      title = titles.countryFromTitle(title, props);
    }
    return new SegmentParse(
        props, emptyToNull(title), emptyToNull(episodeTitle), emptyToNull(group), dayInFront);
  }

  /**
   * Where the title goes on after a bracket at token k, or -1: one or two words in a bracket,
   * matched by nothing, with the title's words going on after it ("You Are (Not) Alone", "ga
   * [Locodol] Yatte Mita."), or written onto the word before it ("Mezzo(DSA)").
   */
  private int wordsInsideTitle(int k, int titleEnd) {
    int j = k;
    while (j < titleEnd && tokens.get(j).bracketed() && j - k < 3) {
      if (coveredByMatch(j) || tokens.get(j).isDigits()) {
        return -1;
      }
      j++;
    }
    String closing =
        j < tokens.size() ? tokens.get(j).before() : segment.substring(tokens.get(j - 1).end());
    if (j - k > 2 || !(closing.startsWith(")") || closing.startsWith("]"))) {
      return -1;
    }
    String inside = tokens.get(k).text();
    if (j - k == 1 && (inside.equals("TV") || countryCode(tokens.get(k)))) {
      return -1; // "Show (US) - Title", "Ushio to Tora (TV) - 02"
    }
    boolean attached = tokens.get(k).before().length() == 1; // "Mezzo(DSA)"
    boolean wordsAfter =
        j < titleEnd
            && !tokens.get(j).bracketed()
            && (!tokens.get(j).isDigits() || tokens.get(j).before().contains("#")) // "(Black) #1-4"
            && !coveredByMatch(j);
    return attached || wordsAfter ? j : -1;
  }

  static Match matchAt(List<Match> accepted, int from, String property) {
    for (Match m : accepted) {
      if (m.from() == from && m.property().equals(property)) {
        return m;
      }
    }
    return null;
  }

  /** The first run of tokens no match covers and no bracket holds ("[h265] Riddick 1080p"). */
  int[] firstFreeRun(int from, int limit) {
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
          return !tokens.get(m.from()).isDigits() && Years.isYear(after);
        });
  }

  private static boolean countryCode(Token t) {
    return t.text().length() == 2
        && t.text().equals(t.text().toUpperCase(java.util.Locale.ROOT))
        && Languages.country(t.lower()) != null;
  }

  /** "The.Office.(US).1x03", "The.Stranger.1946.US.(Kino...)": a country code at token k. */
  private void countryAfter(int k, Map<String, Object> props) {
    if (k < 0 || k >= tokens.size() || props.containsKey("country")) {
      return;
    }
    Token t = tokens.get(k);
    if (countryCode(t) && !covered[k]) {
      props.put("country", Languages.country(t.lower()));
    }
  }

  static boolean anyEpisodic(List<Match> ms) {
    for (Match m : ms) {
      if (isEpisodic(m)) {
        return true;
      }
    }
    return false;
  }

  static boolean isEpisodic(Match m) {
    return m.property().equals("episode")
        || m.property().equals("season")
        || m.property().equals("date");
  }

  /** Whether a strong match (not a word that is also a tag: "[HR] Show") lies in [from, to). */
  boolean strongMatchIn(int from, int to) {
    for (Match m : matches) {
      if (m.from() < to && m.to() > from && !m.weak() && !m.property().equals("crc32")) {
        return true;
      }
    }
    return false;
  }

  boolean anyMatchIn(int from, int to) {
    for (Match m : matches) {
      if (m.from() < to && m.to() > from && !m.property().equals("crc32")) {
        return true;
      }
    }
    return false;
  }

  static boolean has(List<Match> ms, String property) {
    for (Match m : ms) {
      if (m.property().equals(property)) {
        return true;
      }
    }
    return false;
  }

  void markCovered(List<Match> ms) {
    for (Match m : ms) {
      for (int k = m.from(); k < m.to(); k++) {
        covered[k] = true;
      }
    }
  }

  boolean coveredByMatch(int i) {
    for (Match m : matches) {
      if (m.from() <= i && i < m.to()) {
        return true;
      }
    }
    return false;
  }

  int nextCovered(int from, int limit) {
    int i = from;
    while (i < limit
        && i < covered.length
        && !covered[i]
        && !(i > from && tokens.get(i).bracketed() && !tokens.get(i - 1).bracketed())) {
      i++;
    }
    return Math.min(i, limit);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
