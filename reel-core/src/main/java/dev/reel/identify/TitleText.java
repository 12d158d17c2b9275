package dev.reel.identify;

import java.util.Locale;
import java.util.Map;

/** The text of a title or episode title over a span of tokens, and a country at its end. */
final class TitleText {
  private final Resolver r;

  TitleText(Resolver r) {
    this.r = r;
  }

  /** The segment's text over r.tokens [from, to), with dots and underscores as spaces. */
  String text(int from, int to) {
    if (from >= to || from >= r.tokens.size()) {
      return null;
    }
    int rawEnd = r.tokens.get(to - 1).end();
    String raw = r.segment.substring(r.tokens.get(from).start(), rawEnd);
    if (rawEnd < r.segment.length() && opensWithoutClosing(raw, r.segment.charAt(rawEnd))) {
      raw = raw + r.segment.charAt(rawEnd); // "Mezzo(DSA)": the title's own bracket closes with it
    }
    StringBuilder sb = new StringBuilder(raw.length());
    boolean spaced = raw.indexOf(' ') >= 0 || raw.indexOf('_') >= 0;
    for (int k = 0; k < raw.length(); k++) {
      char c = raw.charAt(k);
      boolean dotInAcronym =
          c == '.'
              && k > 0
              && k + 2 < raw.length()
              && raw.charAt(k + 2) == '.'
              && Character.isLetter(raw.charAt(k + 1))
              && Character.isLetter(raw.charAt(k - 1))
              && (k == 1 || !Character.isLetter(raw.charAt(k - 2))) // not "Episode.IV.A.New"
              && Character.isUpperCase(raw.charAt(k + 1));
      boolean decimal = // "Evangelion_1.11_You_Are": a number's point where dots do not separate
          c == '.'
              && spaced
              && k > 0
              && k + 1 < raw.length()
              && Character.isDigit(raw.charAt(k - 1))
              && Character.isDigit(raw.charAt(k + 1));
      if ((c == '.' && !dotInAcronym && !decimal) || c == '_' || Character.isWhitespace(c)) {
        c = ' ';
      }
      if (c != ' ' || (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ')) {
        sb.append(c); // runs of spaces as one, none in front
      }
    }
    int head = 0;
    int tail = sb.length();
    while (head < tail && isEdge(sb.charAt(head))) {
      head++;
    }
    while (tail > head && isEdge(sb.charAt(tail - 1))) {
      tail--;
    }
    return sb.substring(head, tail);
  }

  private static boolean opensWithoutClosing(String raw, char next) {
    char open = next == ')' ? '(' : next == ']' ? '[' : 0;
    return open != 0 && raw.lastIndexOf(open) > raw.lastIndexOf(next);
  }

  /**
   * The title with the kind words that follow it, the anime way ("AIKa ZERO OVA - 01", "Accel World
   * - EX01", "Toradora ED2", "Tokyo Rule - Special [BD]"); not before a version ("Kyouso Giga ONA
   * v2": the version marks the release, the word its kind).
   */
  String withKindWords(String title, int at, int limit) {
    StringBuilder b = new StringBuilder(title);
    for (int k = at; k < Math.min(limit, r.tokens.size()); k++) {
      Token t = r.tokens.get(k);
      if (t.bracketed()) {
        break;
      }
      String sep = t.before().replace('_', ' ').replace('.', ' '); // "100% OVA", "_-_EX01"
      if (EpisodeNumbers.SPECIALS.contains(t.lower()) || t.lower().equals("pilot")) {
        Token next = k + 1 < r.tokens.size() ? r.tokens.get(k + 1) : null;
        if (next != null && next.lower().length() == 2 && next.lower().charAt(0) == 'v') {
          break;
        }
        b.append(sep).append(t.text());
        continue;
      }
      java.util.regex.Matcher m = EpisodeNumbers.KIND_AND_NUMBER.matcher(t.text());
      if (m.matches()) {
        b.append(sep).append(m.group(1));
      }
      break;
    }
    return b.toString();
  }

  /** Dashes, opening brackets and spaces are trimmed off a title's ends. */
  private static boolean isEdge(char c) {
    return c == '-' || c == '[' || c == '(' || c == ' ';
  }

  /** Whether position k holds a letter standing alone between dots (an acronym's letter). */
  static boolean isLoneLetter(String raw, int k) {
    if (k < 0 || k >= raw.length() || !Character.isLetter(raw.charAt(k))) {
      return false;
    }
    boolean leftOk = k == 0 || raw.charAt(k - 1) == '.';
    boolean rightOk = k == raw.length() - 1 || raw.charAt(k + 1) == '.';
    return leftOk && rightOk;
  }

  String countryFromTitle(String title, Map<String, Object> props) {
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
}
