package dev.reel.identify;

import dev.reel.identify.SegmentParser.Match;
import java.util.List;
import java.util.Map;

/** Where the release group is ("x264-CTU", "by.Artik[SEDG]", "x264.HDBRiSe") and its text. */
final class ReleaseGroups {
  private final Resolver r;

  ReleaseGroups(Resolver r) {
    this.r = r;
  }

  /**
   * Where a group was found: tokens [start, end); {@code scene} when it is written the scene's way,
   * "x264-GROUP" (a dash with no spaces, right after a tag, outside brackets).
   */
  record Span(int start, int end, boolean scene) {}

  private static final Map<String, String> TRAILERS =
      Map.ofEntries(
          Map.entry("sample", "Sample"),
          Map.entry("proof", "Proof"),
          Map.entry("obfuscated", "Obfuscated"),
          Map.entry("scrambled", "Obfuscated"),
          Map.entry("xpost", "Repost"),
          Map.entry("asrequested", "Repost"),
          Map.entry("repost", "Repost"),
          Map.entry("postbot", "Repost"),
          Map.entry("whiterev", "Repost"),
          Map.entry("buymore", "Repost"));

  /** Names reposters add after a scene group's ("x264-GRP-Rakuv02", "-GRP-4P"): not the group. */
  private static boolean reposterAfterGroup(List<Token> tokens, int k) {
    Token t = tokens.get(k);
    if (!t.before().equals("-") || k < 2 || !tokens.get(k - 1).before().equals("-")) {
      return false;
    }
    String w = t.lower();
    return w.equals("4p")
        || w.equals("rp")
        || w.startsWith("rakuv") && w.substring(5).chars().allMatch(Character::isDigit);
  }

  /**
   * Where the release group starts. It follows the last tag: after a dash ("x264-CTU",
   * "x264-D-Z0N3", "XviD-[ZeaL]"), after "by" ("DivX.by.Artik[SEDG]"), or as the one or two words
   * left at the end ("x264.HDBRiSe", "DTS WiKi", "HQ.Hive-CM8"). A last dashed word that is only a
   * weak tag ("-HR") is the group. Web sites at the end are passed over.
   */
  Span releaseGroup(int titleEnd, List<Match> accepted) {
    int n = r.tokens.size();
    int end = n;
    while (end > 0
        && (isWebsite(accepted, end - 1)
            || isLanguage(accepted, end - 1)
                && (!r.tokens.get(end - 1).before().equals("-")
                    || end >= 2 && isLanguage(accepted, end - 2)) // "French-English"
            || end >= 2
                && r.tokens.get(end - 1).before().equals(" ")
                && has(accepted, end - 1, "version")
            || TRAILERS.containsKey(r.tokens.get(end - 1).lower())
            || reposterAfterGroup(r.tokens, end - 1))) {
      String marker =
          reposterAfterGroup(r.tokens, end - 1)
              ? "Repost"
              : TRAILERS.get(r.tokens.get(end - 1).lower());
      if (marker != null && !marker.isEmpty()) { // "-edhd-sample": a flag, not the group
        accepted.add(new Match(end - 1, end, "other", marker, false));
        r.covered[end - 1] = true;
      }
      end--;
    }
    int lastCovered = -1;
    for (int k = 0; k < end; k++) {
      boolean lastDashedTag =
          k == end - 1
              && titleEnd > 0
              && k > 0
              && r.covered[k - 1]
              && r.tokens.get(k).before().equals("-")
              && !isEpisodic(accepted, k)
              // "x264-HR", "x264-SDTV" end with a group, "HDTV-720p" with a tag
              && (onlyWeak(accepted, k)
                  || has(accepted, k - 1, "video_codec")
                  || isLanguage(accepted, k - 1)); // "x264.CZ-SDTV"
      if (r.covered[k] && !lastDashedTag) {
        lastCovered = k;
      }
    }
    int g = lastCovered + 1;
    if (lastCovered < 0 || g >= end || g < titleEnd) {
      return groupBeforeADash(titleEnd, accepted);
    }
    if (r.tokens.get(g).lower().equals("by") && g + 1 < end) {
      g++;
    }
    String sep = r.tokens.get(g).before();
    boolean dashed = sep.contains("-") && !sep.contains(" ");
    int words = end - g;
    boolean afterTag = lastCovered >= titleEnd && isTag(accepted, lastCovered);
    if (afterTag && (dashed || words <= 2)) {
      return new Span(g, end, dashed && !r.tokens.get(g).bracketed() && g == lastCovered + 1);
    }
    return null;
  }

  /**
   * A group followed by more words after a spaced dash: "x264-Belex.-.Dual.Audio.-.Dublado", "-
   * x264 AC3 - IMMERSE - [2011-09-19]". The word comes right after a tag, on its own between
   * dashes.
   */
  private Span groupBeforeADash(int titleEnd, List<Match> accepted) {
    int n = r.tokens.size();
    for (int k = Math.max(titleEnd, 1) + 1; k < n; k++) {
      Token t = r.tokens.get(k);
      boolean nextSpacedDash = k + 1 < n && spacedDash(r.tokens.get(k + 1).before());
      if (r.covered[k]
          || t.bracketed()
          || !nextSpacedDash && k + 1 < n
          || !t.before().equals("-") && !spacedDash(t.before())
          || !isTag(accepted, k - 1)
          || isEpisodic(accepted, k - 1)) {
        continue; // the cheap tests first: this runs at every token of names with no group
      }
      if (t.before().equals("-") && nextSpacedDash) {
        return new Span(k, k + 1, true); // "x264-Belex.-.Dual.Audio"
      }
      if (spacedDash(t.before()) && restCovered(k + 1)) {
        return new Span(k, k + 1, false); // "x264 AC3 - IMMERSE - [2011-09-19]"
      }
    }
    return null;
  }

  private boolean restCovered(int from) {
    for (int k = from; k < r.tokens.size(); k++) {
      if (!r.covered[k]) {
        return false;
      }
    }
    return true;
  }

  /** " - ", ".-.", "_-_": a dash that separates parts of a name, not one that joins words. */
  private static boolean spacedDash(String sep) {
    int dash = sep.indexOf('-');
    return dash > 0
        && dash < sep.length() - 1
        && " ._".indexOf(sep.charAt(dash - 1)) >= 0
        && " ._[(".indexOf(sep.charAt(dash + 1)) >= 0;
  }

  static boolean isEpisodic(List<Match> accepted, int k) {
    for (Match m : accepted) {
      if (m.from() <= k && k < m.to() && (Resolver.isEpisodic(m) || m.property().equals("year"))) {
        return true;
      }
    }
    return false;
  }

  /** Weak tags that turned out to be the group ("-HR") are not tags. */
  static void dropMatchesFrom(List<Match> accepted, int from, int to) {
    accepted.removeIf(m -> m.from() >= from && m.to() <= to);
  }

  static boolean has(List<Match> accepted, int k, String property) {
    for (Match m : accepted) {
      if (m.property().equals(property) && m.from() <= k && k < m.to()) {
        return true;
      }
    }
    return false;
  }

  static boolean isLanguage(List<Match> accepted, int k) {
    for (Match m : accepted) {
      if (m.property().endsWith("language") && m.from() <= k && k < m.to()) {
        return true;
      }
    }
    return false;
  }

  static boolean isWebsite(List<Match> accepted, int k) {
    for (Match m : accepted) {
      if (m.property().equals("website") && m.from() <= k && k < m.to()) {
        return true;
      }
    }
    return false;
  }

  /** Whether token k carries a release tag (source, codec...), not an episode or a year. */
  static boolean isTag(List<Match> accepted, int k) {
    for (Match m : accepted) {
      if (m.from() <= k
          && k < m.to()
          && !Resolver.isEpisodic(m)
          && !m.property().equals("year")
          && !m.property().equals("part")
          && !m.property().equals("bonus")
          && !m.property().equals("film")) {
        return true;
      }
    }
    return false;
  }

  static boolean onlyWeak(List<Match> accepted, int k) {
    for (Match m : accepted) {
      if (m.from() <= k && k < m.to() && !m.weak()) {
        return false;
      }
    }
    return true;
  }

  /** A word alone in square brackets after the title, with no tag in it ("[HorribleSubs]"). */
  String loneBracketedWord(int from) {
    for (int k = from; k < r.tokens.size(); k++) {
      Token t = r.tokens.get(k);
      boolean opens = t.before().endsWith("[");
      boolean closes =
          k + 1 == r.tokens.size()
              ? r.segment.substring(t.end()).startsWith("]")
              : r.tokens.get(k + 1).before().startsWith("]");
      if (t.bracketed()
          && opens
          && closes
          && !r.covered[k]
          && !t.isDigits()
          && t.text().length() >= 3) {
        return t.text();
      }
    }
    return null;
  }

  /**
   * Words alone in a bracket after the episode number, when no group came first: "S2 - 09 (Central
   * Anime) [BD841253]", "- 01_[Black_Sheep][HDTV_H264_AAC]", "(Central Anime, 720p)", "- 02 [h-b]".
   * The anime way of naming the group at the end.
   */
  String bracketOfWordsAfterEpisode(int from, List<Match> accepted) {
    int n = r.tokens.size();
    int firstEpisode = -1;
    for (Match m : accepted) {
      if (m.property().equals("episode") && m.from() >= from) {
        firstEpisode = m.to();
        break;
      }
    }
    if (firstEpisode < 0) {
      return null;
    }
    for (int k = firstEpisode; k < n; k++) {
      Token t = r.tokens.get(k);
      if (!t.bracketed() || !t.opensBracket() || r.covered[k]) {
        continue;
      }
      int j = k + 1;
      while (j < n
          && !r.covered[j]
          && r.tokens.get(j).bracketed()
          && !closes(j)
          && !r.tokens.get(j).opensBracket()) {
        j++;
      }
      String last =
          j < n ? r.tokens.get(j).before() : r.segment.substring(r.tokens.get(j - 1).end());
      boolean closed = last.startsWith("]") || last.startsWith(")");
      boolean thenTags = last.startsWith(",") && j < n && r.covered[j]; // "(Central Anime, 720p)"
      boolean words = true;
      for (int q = k; q < j; q++) {
        words &= !r.tokens.get(q).isDigits();
      }
      if ((closed || thenTags) && words && j - k <= 4) {
        return r.segment.substring(t.start(), r.tokens.get(j - 1).end());
      }
    }
    return null;
  }

  private boolean closes(int k) {
    String b = r.tokens.get(k).before();
    return b.startsWith("]") || b.startsWith(")") || b.startsWith(",");
  }

  private static final java.util.regex.Pattern ENCODER_AND_GROUP =
      java.util.regex.Pattern.compile("([^\\s()\\[\\]]+)\\)\\s*\\[([^\\]\\s]+)\\]");

  /** The group's text: brackets around it dropped, trailing separated brackets ([site]) too. */
  static String cleanGroup(String g) {
    String s = g.strip();
    java.util.regex.Matcher encoder = ENCODER_AND_GROUP.matcher(s);
    if (encoder.matches()) { // "(... x265 Tigole) [QxR]": the encoder of a group's release
      return encoder.group(1) + " " + encoder.group(2);
    }
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
    if (s.endsWith(")") && s.indexOf('(') < 0) {
      s = s.substring(0, s.length() - 1); // "(XviD_AnimeSenshi)": the bracket closes, it is no name
    }
    return s;
  }
}
