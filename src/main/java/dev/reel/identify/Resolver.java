package dev.reel.identify;

import dev.reel.identify.SegmentParser.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides, from the matches of one segment, where the title ends, which weak matches count, which
 * number is the year, and what the episode title and release group are.
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
    boolean titleInFront = false; // "[Keroro].148.[Xvid.mp3]": the bracket in front is the title
    // "[Group] Show - 01 [720p]": a leading bracket holds the release group
    if (n > 0 && segment.stripLeading().startsWith("[") && tokens.get(0).bracketed()) {
      int k = 0;
      while (k < n && tokens.get(k).bracketed() && !tokens.get(k).before().contains("]")) {
        k++;
      }
      titleInFront = k > 0 && k < n && bracketIsTheTitle(k);
      if (k > 0 && k < n && (!anyMatchIn(0, 1) || fansubName(tokens.get(0))) && !titleInFront) {
        final int end = k;
        matches.removeIf(m -> m.from() < end); // "[Kaerizaki-Fansub]" names a group, not tags
        group = segment.substring(tokens.get(0).start(), tokens.get(k - 1).end());
        titleStart = k;
        leadingGroup = true;
        // "[Jumonji-Giri]_[Shinsen-Subs][ASF]_D.C.II": more groups in front, then the title
        while (titleStart < n && tokens.get(titleStart).bracketed()) {
          int j = titleStart + 1;
          while (j < n && tokens.get(j).bracketed() && !tokens.get(j).before().contains("]")) {
            j++;
          }
          boolean fansub = false;
          for (int q = titleStart; q < j; q++) {
            String lo = tokens.get(q).lower();
            fansub |= fansubName(tokens.get(q)) || lo.equals("subs") || lo.equals("raws");
          }
          boolean another =
              j < n
                  && (fansub
                      || j - titleStart == 1
                          && shortCapitals(tokens.get(titleStart))
                          && !anyMatchIn(titleStart, j));
          if (!another) {
            break;
          }
          final int cut = j;
          matches.removeIf(m -> m.from() < cut);
          titleStart = j;
        }
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
    int year = years.choose(titleStart, strongStart);
    int titleEnd = year >= 0 ? Math.min(strongStart, year) : strongStart;
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
    boolean hasEpisode =
        has(accepted, "episode") || has(accepted, "season") || has(accepted, "date");
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
        hasEpisode = true;
        if (titleInFront) { // "[Some Show HD REMASTER][07]": the tags end the bracket's title
          titleEnd = weak.weakBeforeTitleEnd(accepted, titleStart, titleEnd, true);
        }
      }
    }
    if (fileName && !has(accepted, "episode")) {
      hasEpisode |= episodes.numberAfterSeason(accepted); // "Show S2 - 09", "第2季 - 03"
    }
    episodes.afterEpisodeNumbers(accepted, year, leadingGroup);
    titleEnd = episodes.absoluteBeforeEpisode(accepted, titleStart, titleEnd);
    accepted.sort((a, b) -> Integer.compare(a.from(), b.from()));
    int groupStart = n;
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
      episodeTitle = titles.text(end, next);
    } else {
      title = titles.text(titleStart, Math.min(titleEnd, groupStart));
      boolean animeStyle =
          leadingGroup || EpisodeNumbers.crc(accepted) || segment.indexOf('_') >= 0;
      if (title != null && animeStyle && !ReleaseGroups.has(accepted, titleEnd, "season")) {
        title = titles.withKindWords(title, titleEnd, groupStart);
      }
      if (title == null && fileName) {
        int[] run = firstFreeRun(titleStart, groupStart);
        if (run != null) {
          title = titles.text(run[0], run[1]);
          titleEnd = run[1];
        }
      }
      Match lastEpisode = null;
      for (Match m : accepted) {
        if (isEpisodic(m)) {
          lastEpisode = m;
        }
      }
      if (lastEpisode != null && lastEpisode.from() >= titleEnd) {
        int end = lastEpisode.to();
        int next = nextCovered(end, groupStart);
        Match part = partInsideTitle(accepted, end, next, groupStart);
        if (part != null) { // "S08E16.Elements.Part.1.Skyhooks": the part is the title's
          accepted.remove(part);
          for (int k = part.from(); k < part.to(); k++) {
            covered[k] = false;
          }
          next = nextCovered(end, groupStart);
        }
        Match special = matchAt(accepted, next, "edition");
        if (special != null
            && (next > end || tokens.get(next).bracketed()) // "- 02.5.(Special)"
            && "Special".equals(special.value())
            && special.to() - special.from() == 1) { // "S06-Born Again Virgin Christmas Special"
          accepted.remove(special);
          accepted.add(
              new Match(special.from(), special.to(), "episode_details", "Special", false));
          next = special.to();
        }
        Match detail = matchAt(accepted, next, "episode_details");
        if (detail != null
            && detail.to() < groupStart
            && !covered[detail.to()]
            && !tokens.get(detail.to()).bracketed()) {
          next = nextCovered(detail.to(), groupStart); // "S01E01.Pilot.for.Air.720p"
        }
        if (next > end && !(tokens.get(end).bracketed() && !tokens.get(end - 1).bracketed())) {
          // "Show - 01 [Baha][1080p]": a bracket after the number holds tags, not a title
          episodeTitle = titles.text(end, next);
        }
      }
    }
    if (episodeTitle == null && fileName) {
      for (Match m : accepted) { // "S01E01.Pilot.720p": the detail is also the episode's title
        if (m.property().equals("episode_details")
            && m.from() > 0
            && covered[m.from() - 1]
            && accepted.stream().anyMatch(e -> isEpisodic(e) && e.to() == m.from())) {
          episodeTitle = titles.text(m.from(), m.to());
        }
      }
    }
    if (year >= 0) { // "Downton.Abbey.2013.Christmas.Special": a special episode, not an edition
      final int y = year;
      accepted.replaceAll(
          m ->
              m.property().equals("edition")
                      && "Special".equals(m.value())
                      && m.to() - m.from() == 1
                      && m.from() > y
                  ? new Match(m.from(), m.to(), "episode_details", "Special", m.weak())
                  : m);
      Match special = null;
      for (Match m : accepted) {
        if (m.property().equals("episode_details") && m.from() > y && "Special".equals(m.value())) {
          special = m;
          break;
        }
      }
      if (special != null && episodeTitle == null && title != null) {
        episodeTitle = titles.text(y + 1, special.to()); // "Christmas Special", "Special"
      }
      int free = y + 1;
      boolean specialWord = false;
      while (free < Math.min(n, groupStart) && !covered[free] && !tokens.get(free).bracketed()) {
        specialWord |= tokens.get(free).lower().equals("special");
        free++;
      }
      if (special == null
          && specialWord
          && episodeTitle == null
          && title != null
          && !anyEpisodic(accepted)) {
        // "Doctor Who 2005 50th Anniversary Special The Day of the Doctor": a special episode
        episodeTitle = titles.text(y + 1, free);
        accepted.add(new Match(y + 1, free, "episode_details", "Special", false));
      }
    }
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

  private static Match matchAt(List<Match> accepted, int from, String property) {
    for (Match m : accepted) {
      if (m.from() == from && m.property().equals(property)) {
        return m;
      }
    }
    return null;
  }

  /**
   * A part number ("Part.1") that starts where the episode title's words stop and has more of them
   * after it: the words around it are one title.
   */
  private Match partInsideTitle(List<Match> accepted, int titleFrom, int next, int limit) {
    if (next <= titleFrom || next >= limit) {
      return null;
    }
    for (Match m : accepted) {
      if (m.from() == next
          && m.property().equals("part")
          && m.to() < limit
          && !covered[m.to()]
          && !tokens.get(m.to()).bracketed()) {
        for (Match other : accepted) {
          if (other != m && other.from() < m.to() && other.to() > m.from()) {
            return null; // the tokens say more than the part
          }
        }
        return m;
      }
    }
    return null;
  }

  /**
   * Whether the bracket in front, ending before token k, holds the title rather than a group: no
   * word outside brackets follows, and a number comes before any other bracket of words
   * ("[Keroro].148.[Xvid.mp3]", "[Some Show HD REMASTER][07][720p][encoded by X]").
   */
  private boolean bracketIsTheTitle(int k) {
    if (fansubName(tokens.get(0))) {
      return false;
    }
    int numbers = 0;
    for (int j = k; j < tokens.size(); j++) {
      Token t = tokens.get(j);
      if (!t.bracketed() && !t.isDigits() || numbers == 0 && !t.isDigits() && !coveredByMatch(j)) {
        return false; // "[Ruri]No.6 01", "[Group][Title][01]": the title is elsewhere
      }
      if (t.isDigits() && !coveredByMatch(j)) {
        numbers++;
      }
    }
    return numbers == 1; // "[Grp]_009-1_-_02": numbers of a title and an episode
  }

  /** "ASF", "UTW": a group's short name in capitals. */
  private static boolean shortCapitals(Token t) {
    String x = t.text();
    return x.length() >= 2 && x.length() <= 4 && x.chars().allMatch(c -> c >= 'A' && c <= 'Z');
  }

  /**
   * "[FASubs & TTF]", "[HorribleSubs]", "[Zero-Raws]": a fansub group's name, whatever it holds.
   */
  private static boolean fansubName(Token t) {
    String lo = t.lower();
    return lo.length() > 4 && (lo.endsWith("subs") || lo.endsWith("raws") || lo.endsWith("fansub"));
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
