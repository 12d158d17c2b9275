package dev.reel.identify;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one path segment (a file name without its extension, or a folder name).
 *
 * <p>How it works: the segment is split into tokens, then read left to right. At each token,
 * structural rules come first (SxxEyy, 1x02, "Season 2", dates, years, resolutions, CRC32, audio
 * channels), then the longest span of up to three tokens that is a known keyword or language.
 * Keywords that are also ordinary words are weak: they count only after the title, which ends at
 * the first strong match (or at the year). The title is the text before that point, the episode
 * title the text between the episode marker and the next match, and the release group what follows
 * the last dash.
 */
final class SegmentParser {
  private static final Pattern SXXEXX =
      Pattern.compile("(?i)s(\\d{1,4})((?:x?ep?\\d{1,4}|x\\d{1,4})*)");
  private static final Pattern EP_LIST = Pattern.compile("(?i)(?:ep|e|x)(\\d{1,4})");
  private static final Pattern NXN = Pattern.compile("(?i)(\\d{1,4})x(\\d{1,3})((?:x\\d{1,3})*)");
  private static final Pattern EPISODE_ONLY = Pattern.compile("(?i)(?:e|ep|episode)(\\d{1,4})");
  private static final Pattern BONUS_X = Pattern.compile("(?i)x(\\d{1,3})");
  private static final Pattern EP_VERSION = Pattern.compile("(?i)(\\d{1,4})v(\\d)");
  private static final Pattern VERSION = Pattern.compile("(?i)v(\\d)");
  private static final Pattern RESOLUTION =
      Pattern.compile("(?i)(\\d{3,4})([pi])(?:x|\\d{2}(?:fps)?)?");
  private static final Pattern WXH = Pattern.compile("(?i)(\\d{3,4})x(\\d{3,4})([pi]?)");
  private static final Pattern CRC = Pattern.compile("[0-9A-Fa-f]{8}");
  private static final Pattern CODEC_CHANNELS =
      Pattern.compile("(?i)(ac3|dd|ddp|eac3|aac|dts|truehd|atmos|flac|opus|mp3|lpcm|pcm)([1-7])");
  private static final Pattern CD = Pattern.compile("(?i)cd(\\d{1,2})(?:of(\\d{1,2}))?");
  private static final Pattern N_OF_M = Pattern.compile("(?i)(\\d{1,3})of(\\d{1,3})");
  private static final Pattern FPS = Pattern.compile("(?i)(\\d{2,3}(?:\\.\\d{1,3})?)fps");
  private static final Pattern PART_WORD = Pattern.compile("(?i)part|pt");
  private static final Pattern SEASON_WORD =
      Pattern.compile("(?i)seasons?|saisons?|series|temporada|stagione|seizoen|staffel");
  private static final Pattern SEASON_GLUED =
      Pattern.compile("(?i)(?:season|saison|temporada|stagione|staffel)(\\d{1,2})");
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
  private static final Pattern BIT_RATE = Pattern.compile("(?i)(\\d{2,5})(kbps|mbps)");
  private static final Pattern ALL_EPISODES = Pattern.compile("(?i)(\\d{1,2})xall");
  private static final Pattern EPISODE_WORD =
      Pattern.compile("(?i)episode|ep|episodio|episodes|cap|capitulo");

  private final String segment;
  private final List<Token> tokens;
  private final boolean fileName;
  private final List<Match> matches = new ArrayList<>();
  private final boolean[] covered;
  private final String[] keys;

  /** A property found on tokens [from, to). */
  record Match(int from, int to, String property, Object value, boolean weak) {}

  private SegmentParser(String segment, boolean fileName) {
    this.segment = segment;
    this.tokens = Tokenizer.tokens(segment);
    this.fileName = fileName;
    this.covered = new boolean[tokens.size()];
    this.keys = new String[tokens.size()];
    for (int k = 0; k < keys.length; k++) {
      StringBuilder key = new StringBuilder(tokens.get(k).text().length());
      appendKey(key, tokens.get(k).text());
      keys[k] = key.toString();
    }
  }

  static SegmentParse parse(String segment, boolean fileName) {
    SegmentParser p = new SegmentParser(segment, fileName);
    p.scan();
    return new Resolver(segment, p.tokens, p.matches, fileName).resolve();
  }

  private void scan() {
    int n = tokens.size();
    int i = 0;
    while (i < n) {
      int used = covered[i] ? 1 : structural(i);
      if (used == 0) {
        used = keyword(i);
      }
      i += Math.max(1, used);
    }
  }

  private void add(int from, int to, String property, Object value, boolean weak) {
    matches.add(new Match(from, to, property, value, weak));
    for (int k = from; k < to; k++) {
      covered[k] = true;
    }
  }

  private Token at(int i) {
    return i >= 0 && i < tokens.size() ? tokens.get(i) : null;
  }

  private static final java.util.Set<String> TLDS =
      java.util.Set.of(
          "com", "org", "net", "ru", "fr", "de", "uk", "info", "to", "tv", "me", "cc", "io", "co",
          "eu", "nl", "it", "es", "se", "ws", "biz", "in", "us", "lt", "pl", "cz");

  /**
   * A web site: two to four tokens joined by dots whose last is a top-level domain
   * ("sharethefiles.com", "www.divx-overnet.com", "tvu.org.ru"); "www" is dropped.
   */
  private int website(int i) {
    Token first = tokens.get(i);
    if (!first.bracketed() && tokens.size() - 1 - i > 4 && !first.text().equalsIgnoreCase("www")) {
      return 0; // a site is bracketed, starts with www, or ends the name
    }
    int j = i;
    while (j + 1 < tokens.size() && j - i < 4 && tokens.get(j + 1).before().equals(".")) {
      j++;
    }
    for (int end = j; end > i; end--) {
      String last = tokens.get(end).lower();
      boolean bracketedOrWww = tokens.get(i).bracketed() || tokens.get(i).lower().equals("www");
      if (TLDS.contains(last)
          && (bracketedOrWww
              || end == tokens.size() - 1
                  && end - i >= 1
                  && !last.equals("it")
                  && !last.equals("to")
                  && !last.equals("me")
                  && !last.equals("in")
                  && !last.equals("us")
                  && !last.equals("es")
                  && !last.equals("de"))) {
        int from = tokens.get(i).lower().equals("www") && end - i >= 2 ? i + 1 : i;
        StringBuilder site = new StringBuilder();
        for (int k = from; k <= end; k++) {
          if (k > from) {
            site.append('.');
          }
          site.append(tokens.get(k).text());
        }
        add(i, end + 1, "website", site.toString(), false);
        return end + 1 - i;
      }
    }
    return 0;
  }

  /** Structural rules; returns the number of tokens used, 0 when none applies. */
  private int structural(int i) {
    Token t = tokens.get(i);
    String s = t.text();
    Matcher m;
    char c0 = Character.toLowerCase(s.charAt(0));
    boolean digitStart = Character.isDigit(c0);
    boolean hasDigit = digitStart || s.chars().anyMatch(Character::isDigit);
    String lo = hasDigit ? t.lower() : "";
    boolean hasX = lo.indexOf('x') >= 0;
    int site = website(i);
    if (site > 0) {
      return site;
    }
    if (c0 == 's'
        && hasDigit
        && (m = SXXEXX.matcher(s)).matches()
        && (m.group(2).isEmpty() ? seasonAlone(s) : true)) {
      int season = Integer.parseInt(m.group(1));
      List<Integer> episodes = new ArrayList<>();
      Matcher e = EP_LIST.matcher(m.group(2));
      while (e.find()) {
        episodes.add(Integer.parseInt(e.group(1)));
      }
      int used = 1;
      if (!episodes.isEmpty()) {
        used += continuation(i + 1, episodes, "e");
      } else {
        Token next = at(i + 1);
        Matcher ep;
        String sep = next == null ? "" : next.before().strip();
        if (next != null
            && (sep.isEmpty() || sep.equals("-") || sep.equals("."))
            && ((ep = EPISODE_ONLY.matcher(next.text())).matches()
                || (ep = BONUS_X.matcher(next.text())).matches())) {
          episodes.add(Integer.parseInt(ep.group(1)));
          used += 1 + continuation(i + 2, episodes, "e");
        } else {
          List<Integer> seasons = new ArrayList<>(List.of(season));
          used += continuation(i + 1, seasons, "s"); // "S01-S10", "S01S02"
          if (seasons.size() > 1) {
            add(i, i + used, "season", List.copyOf(seasons), false);
            return used;
          }
        }
      }
      add(i, i + used, "season", season, false);
      if (season >= 1920 && season <= 2039) {
        matches.add(new Match(i, i + used, "year", season, false)); // "S2014E18"
      }
      if (!episodes.isEmpty()) {
        matches.add(new Match(i, i + used, "episode", list(episodes), false));
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
      add(i, i + 1, c0 == 's' ? "season" : "episode", List.copyOf(values), false);
      return 1;
    }
    if (c0 == 's' && hasDigit && (m = SEASON_DISC.matcher(s)).matches()) {
      add(i, i + 1, "season", Integer.parseInt(m.group(1)), false);
      matches.add(new Match(i, i + 1, "disc", Integer.parseInt(m.group(2)), false));
      return 1;
    }
    if (digitStart && hasX && (m = NXN.matcher(s)).matches() && !isResolution(m)) {
      int season = Integer.parseInt(m.group(1));
      if (season >= 1920 && season <= 2039) {
        matches.add(new Match(i, i + 1, "year", season, false)); // "1940x01"
      }
      List<Integer> episodes = new ArrayList<>();
      episodes.add(Integer.parseInt(m.group(2)));
      for (String x : m.group(3).split("(?i)x")) {
        if (!x.isEmpty()) {
          episodes.add(Integer.parseInt(x));
        }
      }
      int used = 1 + continuation(i + 1, episodes, "x");
      add(i, i + used, "season", season, false);
      matches.add(new Match(i, i + used, "episode", list(episodes), false));
      return used;
    }
    if (c0 == 'e' && hasDigit && (m = EPISODE_ONLY.matcher(s)).matches() && true || false) {
      if (s.length() > 1 && (i > 0 || fileName)) {
        List<Integer> episodes = new ArrayList<>(List.of(Integer.parseInt(m.group(1))));
        int used = 1 + continuation(i + 1, episodes, "e");
        add(i, i + used, "episode", list(episodes), false);
        return used;
      }
    }
    if (hasDigit && !digitStart && (m = SEASON_GLUED.matcher(s)).matches()) {
      add(i, i + 1, "season", Integer.parseInt(m.group(1)), false);
      return 1;
    }
    if (digitStart && hasX && (m = ALL_EPISODES.matcher(s)).matches()) {
      add(i, i + 1, "season", Integer.parseInt(m.group(1)), false);
      return 1;
    }
    Token next = at(i + 1);
    if (next != null && next.isDigits() && next.text().length() <= 4) {
      int value = Integer.parseInt(next.text());
      if (SEASON_WORD.matcher(s).matches() && value < 100 && !dateAt(i + 1)) {
        List<Integer> seasons = new ArrayList<>(List.of(value));
        int used = 2 + seasonList(i + 2, seasons);
        add(i, i + used, "season", list(seasons), false);
        return used;
      }
      if (EPISODE_WORD.matcher(s).matches()) {
        if (c0 == 'c' && value >= 100 && next.text().length() == 3) { // Spanish "Cap.408"
          add(i, i + 2, "season", value / 100, false);
          matches.add(new Match(i, i + 2, "episode", value % 100, false));
          return 2;
        }
        List<Integer> episodes = new ArrayList<>(List.of(value));
        int used = 2 + continuation(i + 2, episodes, "");
        add(i, i + used, "episode", list(episodes), false);
        return used;
      }
      if (PART_WORD.matcher(s).matches() && value < 100) {
        add(i, i + 2, "part", value, false);
        return 2;
      }
      if (s.equalsIgnoreCase("cd") && value < 100) { // "cd 1of3" is handled below
        add(i, i + 2, "cd", value, false);
        return 2;
      }
      if ((s.equalsIgnoreCase("disc") || s.equalsIgnoreCase("disk")) && value < 100) {
        add(i, i + 2, "disc", value, false);
        return 2;
      }
    }
    if (next != null && SEASON_WORD.matcher(s).matches()) {
      Matcher of = N_OF_M.matcher(next.text());
      int roman = Roman.value(next.text());
      if (of.matches()) {
        add(i, i + 2, "season", Integer.parseInt(of.group(1)), false);
        matches.add(new Match(i, i + 2, "season_count", Integer.parseInt(of.group(2)), false));
        return 2;
      }
      Integer word = NUMBER_WORDS.get(next.lower());
      if (roman > 0 || word != null) {
        add(i, i + 2, "season", roman > 0 ? roman : word, false);
        return 2;
      }
    }
    if (next != null
        && EPISODE_WORD.matcher(s).matches()
        && (m = EP_VERSION.matcher(next.text())).matches()) {
      add(i, i + 2, "episode", Integer.parseInt(m.group(1)), false);
      matches.add(new Match(i, i + 2, "version", Integer.parseInt(m.group(2)), false));
      return 2;
    }
    if (next != null && s.equalsIgnoreCase("cd") && (m = N_OF_M.matcher(next.text())).matches()) {
      add(i, i + 2, "cd", Integer.parseInt(m.group(1)), false);
      matches.add(new Match(i, i + 2, "cd_count", Integer.parseInt(m.group(2)), false));
      return 2;
    }
    if (digitStart && lo.contains("of") && (m = N_OF_M.matcher(s)).matches() && i > 0) {
      add(i, i + 1, "episode", Integer.parseInt(m.group(1)), false);
      matches.add(new Match(i, i + 1, "episode_count", Integer.parseInt(m.group(2)), false));
      return 1;
    }
    if (digitStart && lo.endsWith("fps") && (m = FPS.matcher(s)).matches()) {
      add(i, i + 1, "frame_rate", m.group(1) + "fps", false);
      return 1;
    }
    Token third = at(i + 2);
    if (t.isDigits()
        && s.length() <= 3
        && i > 0
        && next != null
        && next.lower().equals("of")
        && third != null
        && third.isDigits()
        && third.text().length() <= 3) {
      add(i, i + 3, "episode", Integer.parseInt(s), false);
      matches.add(new Match(i, i + 3, "episode_count", Integer.parseInt(third.text()), false));
      return 3;
    }
    if (next != null && PART_WORD.matcher(s).matches()) {
      int roman = Roman.value(next.text());
      Integer word = NUMBER_WORDS.get(next.lower());
      if (roman > 0 || word != null) {
        add(i, i + 2, "part", roman > 0 ? roman : word, false);
        return 2;
      }
    }
    if (c0 == 'p' && hasDigit && (m = PART_GLUED.matcher(s)).matches()) {
      add(i, i + 1, "part", Integer.parseInt(m.group(1)), false);
      return 1;
    }
    if (c0 == 'c' && hasDigit && (m = CD.matcher(s)).matches()) {
      add(i, i + 1, "cd", Integer.parseInt(m.group(1)), false);
      if (m.group(2) != null) {
        matches.add(new Match(i, i + 1, "cd_count", Integer.parseInt(m.group(2)), false));
      }
      return 1;
    }
    if (c0 == 'x'
        && hasDigit
        && (m = BONUS_X.matcher(s)).matches()
        && i > 0
        && t.before().contains("-")) {
      add(i, i + 1, "bonus", Integer.parseInt(m.group(1)), false);
      return 1;
    }
    if (digitStart && lo.indexOf('v') > 0 && (m = EP_VERSION.matcher(s)).matches()) {
      add(i, i + 1, "episode", Integer.parseInt(m.group(1)), false);
      matches.add(new Match(i, i + 1, "version", Integer.parseInt(m.group(2)), false));
      return 1;
    }
    if (c0 == 'v' && hasDigit && (m = VERSION.matcher(s)).matches() && i > 0) {
      add(i, i + 1, "version", Integer.parseInt(m.group(1)), false);
      return 1;
    }
    if (digitStart && s.length() == 8 && t.isDigits()) {
      LocalDate compact =
          validDate(
              Integer.parseInt(s.substring(0, 4)),
              Integer.parseInt(s.substring(4, 6)),
              Integer.parseInt(s.substring(6)));
      if (compact != null && compact.getYear() >= 1920 && compact.getYear() <= 2039) {
        add(i, i + 1, "date", compact, false); // "20021107"
        return 1;
      }
    }
    if (digitStart && lo.endsWith("bps") && (m = BIT_RATE.matcher(s)).matches()) {
      boolean video = m.group(2).equalsIgnoreCase("mbps");
      add(
          i,
          i + 1,
          video ? "video_bit_rate" : "audio_bit_rate",
          m.group(1) + (video ? "Mbps" : "Kbps"),
          false); // "448kbps"
      return 1;
    }
    int date = date(i);
    if (date > 0) {
      return date;
    }
    if (digitStart
        && (lo.indexOf('p') > 0 || lo.indexOf('i') > 0)
        && (m = RESOLUTION.matcher(s)).matches()) {
      int h = Integer.parseInt(m.group(1));
      if (h >= 240 && h <= 4320) {
        add(i, i + 1, "screen_size", h + m.group(2).toLowerCase(Locale.ROOT), false);
        return 1;
      }
    }
    if (digitStart && hasX && (m = WXH.matcher(s)).matches()) {
      int w = Integer.parseInt(m.group(1));
      int h = Integer.parseInt(m.group(2));
      if (w >= 320 && h >= 240) {
        String scan = m.group(3).isEmpty() ? "p" : m.group(3).toLowerCase(Locale.ROOT);
        add(
            i,
            i + 1,
            "screen_size",
            STANDARD_HEIGHTS.contains(h) && w * 10 >= h * 13 ? h + scan : w + "x" + h,
            false);
        matches.add(
            new Match(i, i + 1, "aspect_ratio", Math.round(w * 1000.0 / h) / 1000.0, false));
        return 1;
      }
    }
    if (s.equalsIgnoreCase("4k")) {
      add(i, i + 1, "screen_size", "2160p", false);
      return 1;
    }
    if (t.bracketed()
        && s.length() == 8
        && CRC.matcher(s).matches()
        && (hasLetterAndDigit(s) || !isCompactDate(s))) {
      add(i, i + 1, "crc32", s, false);
      return 1;
    }
    if (!digitStart
        && hasDigit
        && (m = CODEC_CHANNELS.matcher(s)).matches()
        && next != null
        && next.isDigits()
        && next.text().length() == 1
        && next.before().equals(".")) {
      Keywords.Entry codec = Keywords.lookup(m.group(1).toLowerCase(Locale.ROOT));
      for (Keywords.Assign a : codec.assigns()) {
        matches.add(new Match(i, i + 2, a.property(), a.value(), false));
      }
      add(i, i + 2, "audio_channels", m.group(2) + "." + next.text(), false);
      return 2;
    }
    if (t.isDigits()
        && s.length() == 1
        && "1257".contains(s)
        && next != null
        && next.isDigits()
        && next.text().length() == 1
        && (next.text().equals("0")
            || next.text().equals("1")
            || next.lower().equals("0ch")
            || next.lower().equals("1ch"))
        && next.before().equals(".")
        && (i > 0 || tokens.size() == 2)) {
      add(i, i + 2, "audio_channels", s + "." + next.text().charAt(0), false);
      return 2;
    }
    if (digitStart
        && t.isDigits()
        && next != null
        && next.isDigits()
        && next.before().equals("*")
        && s.length() >= 3
        && next.text().length() >= 3) {
      int w = Integer.parseInt(s);
      int h = Integer.parseInt(next.text());
      add(
          i,
          i + 2,
          "screen_size",
          STANDARD_HEIGHTS.contains(h) && w * 10 >= h * 13 ? h + "p" : w + "x" + h,
          false); // "1280*720"
      return 2;
    }
    if (t.isDigits()
        && (s.equals("720") || s.equals("1080") || s.equals("2160"))
        && i > 0
        && (t.bracketed()
            || coveredBefore(i)
            || next != null && Keywords.lookup(keys[i + 1]) != null)) {
      add(i, i + 1, "screen_size", s + "p", false); // "BRrip 720 AAC", "[720.Hi10p]"
      return 1;
    }
    return 0;
  }

  private static boolean isCompactDate(String s) {
    return s.chars().allMatch(Character::isDigit)
        && validDate(
                Integer.parseInt(s.substring(0, 4)),
                Integer.parseInt(s.substring(4, 6)),
                Integer.parseInt(s.substring(6)))
            != null;
  }

  private boolean coveredBefore(int i) {
    return i > 0 && covered[i - 1];
  }

  private boolean seasonAlone(String s) {
    return s.length() >= 2 && s.length() <= 4;
  }

  private static boolean isResolution(Matcher m) {
    return m.group(2).length() >= 3;
  }

  private static boolean hasLetterAndDigit(String s) {
    boolean letter = false;
    boolean digit = false;
    for (char c : s.toCharArray()) {
      letter |= Character.isLetter(c);
      digit |= Character.isDigit(c);
    }
    return letter && digit;
  }

  private static final java.util.Set<Integer> STANDARD_HEIGHTS =
      java.util.Set.of(
          240, 288, 360, 368, 480, 486, 540, 576, 720, 900, 1080, 1200, 1440, 1600, 2160, 4320);

  /**
   * Further episodes after a first one: "-E03", "-03", "E02E03", "x02", "&04". A dash makes a range
   * ("E01-E03" is 1, 2, 3), any other joiner a list.
   */
  private int continuation(int i, List<Integer> values, String prefix) {
    int used = 0;
    while (at(i + used) != null) {
      Token t = at(i + used);
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
      } else if (text.equals("and") || text.equals("to")) {
        Token n2 = at(i + used + 1);
        if (n2 != null && n2.isDigits() && n2.text().length() <= 3) {
          used++;
          int v = Integer.parseInt(n2.text());
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
  private int seasonList(int i, List<Integer> values) {
    int used = 0;
    while (true) {
      Token t = at(i + used);
      if (t == null) {
        return used;
      }
      String w = t.lower();
      boolean joiner = w.equals("to") || w.equals("a") || w.equals("and") || w.equals("et");
      Token number = joiner ? at(i + used + 1) : t;
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

  private static void addRange(List<Integer> values, int v, boolean range) {
    int last = values.get(values.size() - 1);
    if (range && v > last && v - last < 100) {
      for (int k = last + 1; k <= v; k++) {
        values.add(k);
      }
    } else if (v != last) {
      values.add(v);
    }
  }

  private static Object list(List<Integer> values) {
    return values.size() == 1 ? values.get(0) : List.copyOf(values);
  }

  private static LocalDate validDate(int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private boolean dateAt(int i) {
    int before = matches.size();
    boolean[] saved = covered.clone();
    int used = date(i);
    if (used > 0) {
      matches.subList(before, matches.size()).clear();
      System.arraycopy(saved, 0, covered, 0, covered.length);
    }
    return used > 0;
  }

  /**
   * A date as YYYY MM DD, DD MM YYYY or (when the middle number cannot be a month) MM DD YYYY, over
   * three tokens; returns tokens used or 0.
   */
  private int date(int i) {
    Token a = at(i);
    Token b = at(i + 1);
    Token c = at(i + 2);
    if (a == null || b == null || c == null || !a.isDigits() || !b.isDigits() || !c.isDigits()) {
      return 0;
    }
    if (b.before().isEmpty()
        || c.before().isEmpty()
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
        LocalDate dmy = validDate(2000 + z, y, x);
        d = dmy != null && !dmy.isAfter(LocalDate.now()) ? dmy : validDate(2000 + x, y, z);
      }
      if (d != null && d.getYear() >= 1920 && d.getYear() <= 2100) {
        add(i, i + 3, "date", d, false);
        return 3;
      }
    } catch (DateTimeException e) {
      return 0;
    }
    return 0;
  }

  /** The longest keyword or language span starting at token i; returns tokens used or 0. */
  private int keyword(int i) {
    int n = tokens.size();
    for (int span = Math.min(Keywords.MAX_SPAN, n - i); span >= 1; span--) {
      StringBuilder key = new StringBuilder();
      boolean free = true;
      for (int k = i; k < i + span; k++) {
        free &= !covered[k];
        if (k > i && tokens.get(k).before().contains("(")) {
          free = false;
        }
        key.append(keys[k]);
      }
      if (!free) {
        continue;
      }
      String k = key.toString();
      int after = tokens.get(i + span - 1).end();
      if (after < segment.length() && segment.charAt(after) == '+' && k.equals("dd")) {
        k = "ddp"; // "DD+" is Dolby Digital Plus
      }
      if (k.equals("hq")
          && !matches.isEmpty()
          && matches.get(matches.size() - 1).to() == i
          && matches.get(matches.size() - 1).property().startsWith("audio_")) {
        add(i, i + 1, "audio_profile", "High Quality", false); // "AC3.HQ"
        return 1;
      }
      Keywords.Entry e = Keywords.lookup(k);
      if (e != null) {
        for (int a = 0; a < e.assigns().size(); a++) {
          Keywords.Assign as = e.assigns().get(a);
          if (a == 0) {
            add(i, i + span, as.property(), as.value(), e.weak());
          } else {
            matches.add(new Match(i, i + span, as.property(), as.value(), e.weak()));
          }
        }
        return span;
      }
    }
    int lang = language(i);
    if (lang > 0) {
      return lang;
    }
    return gluedSuffix(i);
  }

  /** "REPACK5", "DD51", "trueHD51", "hevc10": a keyword with digits glued after it. */
  private int gluedSuffix(int i) {
    String s = tokens.get(i).lower();
    int cut = s.length();
    while (cut > 0 && Character.isDigit(s.charAt(cut - 1))) {
      cut--;
    }
    if (cut < 2 || cut == s.length() || s.length() - cut > 3) {
      return 0;
    }
    Keywords.Entry e = Keywords.lookup(s.substring(0, cut));
    if (e == null || e.weak()) {
      return 0;
    }
    String digits = s.substring(cut);
    if (e.assigns().get(0).property().equals("video_codec")
        && (digits.equals("10") || digits.equals("12"))) {
      matches.add(new Match(i, i + 1, "color_depth", digits + "-bit", false)); // "HEVC10"
    }
    if (e.assigns().get(0).property().equals("audio_codec")
        && digits.length() == 2
        && "10 20 51 61 71".contains(digits)) {
      matches.add(
          new Match(i, i + 1, "audio_channels", digits.charAt(0) + "." + digits.charAt(1), false));
    }
    for (int a = 0; a < e.assigns().size(); a++) {
      Keywords.Assign as = e.assigns().get(a);
      if (as.property().equals("proper_count")) {
        as = new Keywords.Assign("proper_count", Integer.parseInt(digits)); // "REPACK5"
      }
      if (a == 0) {
        add(i, i + 1, as.property(), as.value(), false);
      } else {
        matches.add(new Match(i, i + 1, as.property(), as.value(), false));
      }
    }
    return 1;
  }

  private int language(int i) {
    Token t = tokens.get(i);
    String w = t.lower();
    String plain = w.replace("'", "");
    Token next = at(i + 1);
    Token prev = at(i - 1);
    String code;
    if (plain.startsWith("vost")
        && plain.length() > 4
        && (code = Languages.byCode(plain.substring(4))) != null) {
      add(i, i + 1, "subtitle_language", code, false);
      return 1;
    }
    for (String sub : new String[] {"subs", "sub", "subbed"}) {
      if (plain.endsWith(sub) && plain.length() > sub.length()) {
        String l = plain.substring(0, plain.length() - sub.length());
        code = Languages.byName(l) != null ? Languages.byName(l) : Languages.byCode(l);
        if (code != null) {
          add(i, i + 1, "subtitle_language", code, false);
          return 1;
        }
      }
      if (plain.startsWith(sub) && plain.length() > sub.length()) {
        String l = plain.substring(sub.length());
        code = Languages.byName(l) != null ? Languages.byName(l) : Languages.byCode(l);
        if (code != null) {
          add(i, i + 1, "subtitle_language", code, false);
          return 1;
        }
      }
    }
    code = Languages.byName(plain);
    boolean weak =
        code == null
            || !plain.equals("multi") && !plain.startsWith("truefrench") && !plain.startsWith("vf");
    if (code == null) {
      code = Languages.byCode(plain);
    }
    if (code == null) {
      return 0;
    }
    // "sub" binds to the language after it ("ENG.-.sub.FR": English audio, French subtitles);
    // a list after it is all subtitles ("Sub Ita Eng").
    boolean afterSub = prev != null && (isSubWord(prev.lower()) || lastIsSubtitle(i - 1));
    Token afterNext = at(i + 2);
    boolean beforeSub =
        next != null
            && isSubWord(next.lower())
            && !(afterNext != null && isLanguageWord(afterNext.lower()));
    if (afterSub || beforeSub) {
      int from = prev != null && isSubWord(prev.lower()) && !covered[i - 1] ? i - 1 : i;
      int to = beforeSub ? i + 2 : i + 1;
      add(from, to, "subtitle_language", code, false);
      return to - i;
    }
    add(i, i + 1, "language", code, weak);
    return 1;
  }

  private boolean lastIsSubtitle(int k) {
    for (int j = matches.size() - 1; j >= 0; j--) {
      Match m = matches.get(j);
      if (m.to() == k + 1) {
        return m.property().equals("subtitle_language");
      }
    }
    return false;
  }

  private static boolean isLanguageWord(String w) {
    return Languages.byName(w) != null || Languages.byCode(w) != null;
  }

  private static boolean isSubWord(String w) {
    return w.equals("sub")
        || w.equals("subs")
        || w.equals("subtitles")
        || w.equals("subbed")
        || w.equals("subtitle")
        || w.equals("st")
        || w.equals("vost");
  }

  private static void appendKey(StringBuilder key, String text) {
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if (Character.isLetterOrDigit(c)) {
        key.append(Character.toLowerCase(c));
      }
    }
  }
}
