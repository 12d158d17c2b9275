package dev.reel.identify;

import dev.reel.identify.SegmentParser.Match;
import java.util.Locale;

/**
 * Rules for words: the longest span of up to three tokens that is a known keyword ({@link
 * Keywords}), a keyword with digits glued on ("REPACK5", "DD51"), or a language, with "sub" binding
 * a language to the subtitles.
 */
final class WordRules {

  private final SegmentParser p;

  WordRules(SegmentParser p) {
    this.p = p;
  }

  /** The longest keyword or language span starting at token i; returns p.tokens used or 0. */
  int keyword(int i) {
    int n = p.tokens.size();
    String[] spans = new String[Keywords.MAX_SPAN + 1]; // the keys of 1, 2, 3 tokens from i
    spans[1] = p.keys[i];
    int longest = 1;
    while (longest < Keywords.MAX_SPAN
        && i + longest < n
        && Keywords.startsLongerKey(spans[longest])) {
      spans[longest + 1] = spans[longest] + p.keys[i + longest]; // grow while a key starts so
      longest++;
    }
    for (int span = longest; span >= 1; span--) {
      boolean free = true;
      for (int k = i; k < i + span; k++) {
        free &= !p.covered[k];
        if (k > i && p.tokens.get(k).before().indexOf('(') >= 0) {
          free = false;
        }
      }
      if (!free) {
        continue;
      }
      String k = spans[span];
      int after = p.tokens.get(i + span - 1).end();
      if (after < p.segment.length() && p.segment.charAt(after) == '+' && k.equals("dd")) {
        k = "ddp"; // "DD+" is Dolby Digital Plus
      }
      if (k.equals("hq")
          && !p.matches.isEmpty()
          && p.matches.get(p.matches.size() - 1).to() == i
          && p.matches.get(p.matches.size() - 1).property().startsWith("audio_")) {
        p.add(i, i + 1, "audio_profile", "High Quality", false); // "AC3.HQ"
        return 1;
      }
      Keywords.Entry e = Keywords.lookup(k);
      if (e != null) {
        for (int a = 0; a < e.assigns().size(); a++) {
          Keywords.Assign as = e.assigns().get(a);
          if (a == 0) {
            p.add(i, i + span, as.property(), as.value(), e.weak());
          } else {
            p.add(i, i + span, as.property(), as.value(), e.weak());
          }
        }
        return span;
      }
    }
    int lang = language(i);
    if (lang > 0) {
      return lang;
    }
    int glued = gluedSuffix(i);
    return glued > 0 ? glued : gluedCodec(i);
  }

  private static final String[] CODEC_SUFFIXES = {"x264", "x265", "h264", "h265"};

  /** "HDTVx264", "WEB-DLx264": a source glued to the video codec. */
  private int gluedCodec(int i) {
    String s = p.keys[i];
    for (String codec : CODEC_SUFFIXES) {
      if (!s.endsWith(codec) || s.length() == codec.length()) {
        continue;
      }
      String prefix = s.substring(0, s.length() - codec.length());
      int from = i;
      Keywords.Entry e = Keywords.lookup(prefix);
      if ((e == null || e.weak()) && i > 0 && !p.covered[i - 1]) {
        Keywords.Entry joined = Keywords.lookup(p.keys[i - 1] + prefix); // "WEB-DLx264"
        if (joined != null && !joined.weak()) {
          e = joined;
          from = i - 1;
        }
      }
      if (e == null || e.weak()) {
        return 0;
      }
      for (Keywords.Assign as : e.assigns()) {
        p.add(from, i + 1, as.property(), as.value(), false);
      }
      for (Keywords.Assign as : Keywords.lookup(codec).assigns()) {
        p.add(from, i + 1, as.property(), as.value(), false);
      }
      return 1;
    }
    return 0;
  }

  /** "REPACK5", "DD51", "trueHD51", "hevc10": a keyword with digits glued after it. */
  private int gluedSuffix(int i) {
    String s = p.tokens.get(i).lower();
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
      p.add(i, i + 1, "color_depth", digits + "-bit", false); // "HEVC10"
    }
    if (e.assigns().get(0).property().equals("audio_codec")
        && digits.length() == 2
        && "10 20 51 61 71".contains(digits)) {
      p.add(i, i + 1, "audio_channels", digits.charAt(0) + "." + digits.charAt(1), false);
    }
    for (int a = 0; a < e.assigns().size(); a++) {
      Keywords.Assign as = e.assigns().get(a);
      if (as.property().equals("proper_count")) {
        as = new Keywords.Assign("proper_count", Integer.parseInt(digits)); // "REPACK5"
      }
      if (a == 0) {
        p.add(i, i + 1, as.property(), as.value(), false);
      } else {
        p.add(i, i + 1, as.property(), as.value(), false);
      }
    }
    return 1;
  }

  private int language(int i) {
    Token t = p.tokens.get(i);
    if (t.hasDigit()) {
      return 0; // no language's name or code has one
    }
    String w = t.lower();
    String plain = w.replace("'", "");
    Token next = p.at(i + 1);
    Token prev = p.at(i - 1);
    String code;
    if (plain.startsWith("vost")
        && plain.length() > 4
        && (code = Languages.byCode(plain.substring(4))) != null) {
      p.add(i, i + 1, "subtitle_language", code, false);
      return 1;
    }
    for (String sub : new String[] {"subs", "sub", "subbed"}) {
      if (plain.endsWith(sub) && plain.length() > sub.length()) {
        String l = plain.substring(0, plain.length() - sub.length());
        code = Languages.byName(l) != null ? Languages.byName(l) : Languages.byCode(l);
        if (code != null) {
          p.add(i, i + 1, "subtitle_language", code, false);
          return 1;
        }
      }
      if (plain.startsWith(sub) && plain.length() > sub.length()) {
        String l = plain.substring(sub.length());
        code = Languages.byName(l) != null ? Languages.byName(l) : Languages.byCode(l);
        if (code != null) {
          p.add(i, i + 1, "subtitle_language", code, false);
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
    Token region = p.at(i + 1);
    if (region != null
        && region.before().equals("-")
        && region.text().length() == 2
        && region.text().equals(region.text().toUpperCase(Locale.ROOT))
        && code.length() == 2
        && Languages.country(region.lower()) == null
        && !region.isDigits()) {
      code = code + "-" + region.text(); // "PT-BR"
    }
    // "sub" binds to the language after it ("ENG.-.sub.FR": English audio, French subtitles);
    // a list after it is all subtitles ("Sub Ita Eng").
    boolean afterSub = prev != null && (isSubWord(prev.lower()) || lastIsSubtitle(i - 1));
    Token afterNext = p.at(i + 2);
    boolean beforeSub =
        next != null
            && isSubWord(next.lower())
            && !(afterNext != null && isLanguageWord(afterNext.lower()));
    boolean beforeKindOfSub = // "Eng.Soft.Subtitles", "German.Custom.Subbed"
        next != null
            && SUBTITLE_KINDS.contains(next.lower())
            && afterNext != null
            && isSubWord(afterNext.lower());
    if (afterSub || beforeSub || beforeKindOfSub) {
      int from = prev != null && isSubWord(prev.lower()) && !p.covered[i - 1] ? i - 1 : i;
      int to = beforeKindOfSub ? i + 3 : beforeSub ? i + 2 : i + 1;
      p.add(from, to, "subtitle_language", code, false);
      return to - i;
    }
    if (next != null && next.lower().equals("audio")) {
      p.add(i, i + 2, "language", code, false); // "SPANISH.AUDIO"
      return 2;
    }
    p.add(i, i + 1, "language", code, weak);
    return 1;
  }

  private static final java.util.Set<String> SUBTITLE_KINDS =
      java.util.Set.of("soft", "hard", "custom", "forced", "hardcoded");

  private boolean lastIsSubtitle(int k) {
    for (int j = p.matches.size() - 1; j >= 0; j--) {
      Match m = p.matches.get(j);
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
        || w.equals("vost")
        || w.equals("legendado")
        || w.equals("legendas")
        || w.equals("legenda")
        || w.equals("subtitulado")
        || w.equals("subtitle")
        || w.equals("subforced");
  }

  static void appendKey(StringBuilder key, String text) {
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      if (Character.isLetterOrDigit(c)) {
        key.append(Character.toLowerCase(c));
      }
    }
  }
}
