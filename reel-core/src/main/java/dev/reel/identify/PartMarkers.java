package dev.reel.identify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One-token markers of a release's parts rather than its season and episode: "Part2", "CD1of2",
 * "2CDs", "-f21-" films of a collection, "-x01-" bonus features, an anime's "ED2"/"SP01", "05v2"
 * and "v2" versions. Rules of {@link NumberingRules}, tried in its order.
 */
final class PartMarkers {
  static final Pattern BONUS_X = Pattern.compile("(?i)x(\\d{1,3})");
  private static final Pattern VERSION = Pattern.compile("(?i)v(\\d)");
  private static final Pattern CD = Pattern.compile("(?i)cd(\\d{1,2})(?:of(\\d{1,2}))?");
  private static final Pattern CD_COUNT = Pattern.compile("(?i)(\\d)cds?");
  private static final Pattern FILM = Pattern.compile("(?i)f(\\d{1,3})");
  private static final Pattern PART_GLUED = Pattern.compile("(?i)(?:part|pt)(\\d{1,2})");

  private final SegmentParser p;

  PartMarkers(SegmentParser p) {
    this.p = p;
  }

  /** The part markers at token i, in order; the tokens used, or 0. */
  int read(int i, Token t) {
    int used = partGlued(i, t);
    if (used == 0) {
      used = cd(i, t);
    }
    if (used == 0) {
      used = cdCount(i, t);
    }
    if (used == 0) {
      used = film(i, t);
    }
    if (used == 0) {
      used = bonus(i, t);
    }
    if (used == 0) {
      used = animeKindAndNumber(i, t);
    }
    if (used == 0) {
      used = episodeWithVersion(i, t);
    }
    if (used == 0) {
      used = version(i, t);
    }
    return used;
  }

  /** "Part2", "pt1". */
  private int partGlued(int i, Token t) {
    Matcher m;
    if (NumberingRules.lowerFirst(t) != 'p'
        || !t.hasDigit()
        || !(m = PART_GLUED.matcher(t.text())).matches()) {
      return 0;
    }
    p.add(i, i + 1, "part", Integer.parseInt(m.group(1)), false);
    return 1;
  }

  /** "CD1", "CD1of2". */
  private int cd(int i, Token t) {
    Matcher m;
    if (NumberingRules.lowerFirst(t) != 'c'
        || !t.hasDigit()
        || !(m = CD.matcher(t.text())).matches()) {
      return 0;
    }
    p.add(i, i + 1, "cd", Integer.parseInt(m.group(1)), false);
    if (m.group(2) != null) {
      p.add(i, i + 1, "cd_count", Integer.parseInt(m.group(2)), false);
    }
    return 1;
  }

  /** "2CD". */
  private int cdCount(int i, Token t) {
    Matcher m;
    if (!Character.isDigit(t.text().charAt(0))
        || !t.lower().contains("cd")
        || !(m = CD_COUNT.matcher(t.text())).matches()) {
      return 0;
    }
    p.add(i, i + 1, "cd_count", Integer.parseInt(m.group(1)), false);
    return 1;
  }

  /** "James_Bond-f21-Title": a film of a collection. */
  private int film(int i, Token t) {
    Matcher m;
    if (NumberingRules.lowerFirst(t) != 'f'
        || !t.hasDigit()
        || i == 0
        || !t.before().contains("-")
        || !(m = FILM.matcher(t.text())).matches()) {
      return 0;
    }
    p.add(i, i + 1, "film", Integer.parseInt(m.group(1)), false);
    return 1;
  }

  /** "Movie-x01-Making Of": a bonus feature's number. */
  private int bonus(int i, Token t) {
    Matcher m;
    if (NumberingRules.lowerFirst(t) != 'x'
        || !t.hasDigit()
        || Keywords.lookup(t.lower()) != null // "x264" is a codec
        || !(m = BONUS_X.matcher(t.text())).matches()
        || i == 0
        || !t.before().contains("-")) {
      return 0;
    }
    p.add(i, i + 1, "bonus", Integer.parseInt(m.group(1)), false);
    return 1;
  }

  /** "ED2", "SP01", "EX01", "OVA3", "NCOP1": the number of an anime's opening, special, OVA... */
  private int animeKindAndNumber(int i, Token t) {
    Matcher m;
    char c = NumberingRules.lowerFirst(t);
    if (i == 0
        || !t.hasDigit()
        || t.text().length() > 7
        || c != 'o' && c != 's' && c != 'e' && c != 'n'
        || !(m = EpisodeNumbers.KIND_AND_NUMBER.matcher(t.text())).matches()) {
      return 0;
    }
    p.add(i, i + 1, "episode", Integer.parseInt(m.group(2)), false);
    return 1;
  }

  /** "05v2": an episode in its second version. */
  private int episodeWithVersion(int i, Token t) {
    Matcher m;
    if (!Character.isDigit(t.text().charAt(0))
        || t.lower().indexOf('v') <= 0
        || !(m = NumberingRules.EP_VERSION.matcher(t.text())).matches()) {
      return 0;
    }
    int first = Integer.parseInt(m.group(1));
    Token next = p.at(i + 1);
    if (next != null && next.isDigits() && next.before().equals("-") && next.text().length() <= 3) {
      int last = Integer.parseInt(next.text()); // "01v2-04": episodes 1 to 4, the first redone
      if (last > first && last - first < 100) {
        List<Integer> range = new ArrayList<>(List.of(first));
        NumberLists.addRange(range, last, true);
        p.add(i, i + 2, "episode", NumberLists.list(range), false);
        p.add(i, i + 2, "version", Integer.parseInt(m.group(2)), false);
        return 2;
      }
    }
    p.add(i, i + 1, "episode", first, false);
    p.add(i, i + 1, "version", Integer.parseInt(m.group(2)), false);
    return 1;
  }

  /** "v2" after the name. */
  private int version(int i, Token t) {
    Matcher m;
    if (NumberingRules.lowerFirst(t) != 'v'
        || !t.hasDigit()
        || !(m = VERSION.matcher(t.text())).matches()
        || i == 0) {
      return 0;
    }
    p.add(i, i + 1, "version", Integer.parseInt(m.group(1)), false);
    return 1;
  }
}
