package dev.reel.identify;

import dev.reel.identify.SegmentParser.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Numbering written as a word and what follows it: "Season 2", "Season 1.3&5", "Season Two",
 * "Episode 5", "Cap.408", "Part II", "CD 1of3", "Disc 2", "20 of 25". Each way is one small rule;
 * {@link #read} tries them in order, after the one-token markers of {@link NumberingRules}.
 */
final class WordNumberRules {
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

  private final SegmentParser p;
  private final NumberLists lists;

  WordNumberRules(SegmentParser p, NumberLists lists) {
    this.p = p;
    this.lists = lists;
  }

  /** The word-and-number rules at token i, in order; the tokens used, or 0. */
  int read(int i, Token t) {
    int used = wordAndNumber(i, t);
    if (used == 0) {
      used = seasonWordAndWord(i, t);
    }
    if (used == 0) {
      used = episodeWordAndVersion(i, t);
    }
    if (used == 0) {
      used = cdOfCount(i, t);
    }
    if (used == 0) {
      used = episodeOfCountWords(i, t);
    }
    if (used == 0) {
      used = partWordAndWord(i, t);
    }
    if (used == 0) {
      used = volume(i, t);
    }
    return used;
  }

  /** "Season 2", "Season 1.3&5", "Episode 5", "Cap.408", "Part 2", "CD 1", "Disc 2". */
  private int wordAndNumber(int i, Token t) {
    Token next = p.at(i + 1);
    if (next == null || !next.isDigits() || next.text().length() > 4) {
      return 0;
    }
    String s = t.text();
    String lo = t.lower();
    int value = Integer.parseInt(next.text());
    if (SEASON_WORD.contains(lo) && value < 100 && !p.tags.dateAt(i + 1)) {
      List<Integer> seasons = new ArrayList<>(List.of(value));
      int used = 2 + lists.seasonList(i + 2, seasons);
      p.add(i, i + used, "season", NumberLists.list(seasons), false);
      return used;
    }
    if (NumberingRules.EPISODE_WORD.contains(lo) && !episodeBefore()) {
      if (NumberingRules.lowerFirst(t) == 'c'
          && value >= 100) { // Spanish "Cap.408", "Cap.1503", "Cap.102_104"
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
    if (s.equalsIgnoreCase("cd") && value < 100) { // "cd 1of3" is read by cdOfCount
      p.add(i, i + 2, "cd", value, false);
      return 2;
    }
    if ((s.equalsIgnoreCase("disc") || s.equalsIgnoreCase("disk")) && value < 100) {
      p.add(i, i + 2, "disc", value, false);
      return 2;
    }
    return 0;
  }

  /** "Season 2of5", "Season II", "Season Two". */
  private int seasonWordAndWord(int i, Token t) {
    Token next = p.at(i + 1);
    char c = NumberingRules.lowerFirst(t);
    if (next == null || c != 's' && c != 't' || !SEASON_WORD.contains(t.lower())) {
      return 0;
    }
    Matcher of = NumberingRules.N_OF_M.matcher(next.text());
    if (of.matches()) {
      p.add(i, i + 2, "season", Integer.parseInt(of.group(1)), false);
      p.add(i, i + 2, "season_count", Integer.parseInt(of.group(2)), false);
      return 2;
    }
    int roman = Roman.value(next.text());
    Integer word = NUMBER_WORDS.get(next.lower());
    if (roman > 0 || word != null) {
      p.add(i, i + 2, "season", roman > 0 ? roman : word, false);
      return 2;
    }
    return 0;
  }

  /** "Episode 05v2". */
  private int episodeWordAndVersion(int i, Token t) {
    Token next = p.at(i + 1);
    Matcher m;
    if (next == null
        || !next.hasDigit()
        || !NumberingRules.EPISODE_WORD.contains(t.lower())
        || !(m = NumberingRules.EP_VERSION.matcher(next.text())).matches()) {
      return 0;
    }
    p.add(i, i + 2, "episode", Integer.parseInt(m.group(1)), false);
    p.add(i, i + 2, "version", Integer.parseInt(m.group(2)), false);
    return 2;
  }

  /** "CD 1of3". */
  private int cdOfCount(int i, Token t) {
    Token next = p.at(i + 1);
    Matcher m;
    if (next == null
        || !t.text().equalsIgnoreCase("cd")
        || !(m = NumberingRules.N_OF_M.matcher(next.text())).matches()) {
      return 0;
    }
    p.add(i, i + 2, "cd", Integer.parseInt(m.group(1)), false);
    p.add(i, i + 2, "cd_count", Integer.parseInt(m.group(2)), false);
    return 2;
  }

  /** "[20 of 25]". */
  private int episodeOfCountWords(int i, Token t) {
    Token next = p.at(i + 1);
    Token third = p.at(i + 2);
    if (!t.isDigits()
        || t.text().length() > 3
        || i == 0
        || next == null
        || !next.lower().equals("of")
        || third == null
        || !third.isDigits()
        || third.text().length() > 3) {
      return 0;
    }
    p.add(i, i + 3, "episode", Integer.parseInt(t.text()), false);
    p.add(i, i + 3, "episode_count", Integer.parseInt(third.text()), false);
    return 3;
  }

  private static final java.util.regex.Pattern VOLUME_NUMBER =
      java.util.regex.Pattern.compile("(\\d{1,3})(?:v(\\d))?");

  /** "Vol.03", "Vol.1v2", "Volume 2", "Vol.1&2", "Vol. 1v2 & Vol. 2": a volume of a release. */
  private int volume(int i, Token t) {
    Token next = p.at(i + 1);
    Matcher m;
    if (next == null
        || !(t.lower().equals("vol") || t.lower().equals("volume"))
        || !(m = VOLUME_NUMBER.matcher(next.text())).matches()) {
      return 0;
    }
    List<Integer> volumes = new ArrayList<>(List.of(Integer.parseInt(m.group(1))));
    int used = 2;
    if (m.group(2) != null) {
      p.add(i, i + 2, "version", Integer.parseInt(m.group(2)), false);
    }
    while (true) {
      Token a = p.at(i + used);
      Token b = p.at(i + used + 1);
      if (a != null && a.isDigits() && a.text().length() <= 3 && a.before().contains("&")) {
        volumes.add(Integer.parseInt(a.text())); // "Vol.1&2"
        used++;
      } else if (a != null
          && a.lower().equals(t.lower())
          && a.before().contains("&")
          && b != null
          && b.isDigits()
          && b.text().length() <= 3) {
        volumes.add(Integer.parseInt(b.text())); // "Vol. 1 & Vol. 2"
        used += 2;
      } else {
        break;
      }
    }
    p.add(i, i + used, "volume", NumberLists.list(volumes), false);
    return used;
  }

  /** "Part II", "Part Two". */
  private int partWordAndWord(int i, Token t) {
    Token next = p.at(i + 1);
    if (next == null || !PART_WORD.contains(t.lower())) {
      return 0;
    }
    int roman = Roman.value(next.text());
    Integer word = NUMBER_WORDS.get(next.lower());
    if (roman > 0 || word != null) {
      p.add(i, i + 2, "part", roman > 0 ? roman : word, false);
      return 2;
    }
    return 0;
  }

  private boolean episodeBefore() {
    for (Match m : p.matches) {
      if (m.property().equals("episode")) {
        return true;
      }
    }
    return false;
  }
}
