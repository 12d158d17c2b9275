package dev.reel.identify;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Screen sizes in their shapes: "720p", "1080p24", "720hd", "BD1080p", "1920x1080", "4K", and among
 * tags "1280*720", "1920 x 1080", a bare "1080". Rules of {@link TagRules}, tried in its order.
 */
final class ScreenSizes {
  private static final Pattern RESOLUTION =
      Pattern.compile("(?i)(\\d{3,4})([pi])(?:x|(\\d{2,3})(?:fps)?)?");
  private static final Pattern HEIGHT_HD = Pattern.compile("(\\d{3,4})p?hd");
  private static final Pattern WXH = Pattern.compile("(?i)(\\d{3,4})x(\\d{3,4})([pi]?)");
  private static final java.util.Set<Integer> STANDARD_HEIGHTS =
      java.util.Set.of(
          240, 288, 360, 368, 480, 486, 540, 576, 720, 900, 1080, 1200, 1440, 1600, 2160, 4320);
  private static final Pattern SOURCE_AND_HEIGHT =
      Pattern.compile("(?i)(bd|bdrip|bluray|web|webdl|webrip|hdtv|dvd|dvdrip)(\\d{3,4}[pi])");

  private final SegmentParser p;

  ScreenSizes(SegmentParser p) {
    this.p = p;
  }

  /** The sizes written in one token, in order; the tokens used, or 0. */
  int read(int i, Token t) {
    int used = resolution(i, t);
    if (used == 0) {
      used = heightHd(i, t);
    }
    if (used == 0) {
      used = sourceAndHeight(i, t);
    }
    if (used == 0) {
      used = widthByHeight(i, t);
    }
    if (used == 0) {
      used = fourK(i, t);
    }
    return used;
  }

  /** The sizes read after the channels' rules: "1280*720", "1920 x 1080", a bare "1080". */
  int readAmongTags(int i, Token t) {
    int used = widthTimesHeight(i, t);
    if (used == 0) {
      used = spacedWidthByHeight(i, t);
    }
    if (used == 0) {
      used = bareHeight(i, t);
    }
    return used;
  }

  /** "1080p", "720p", "1080i", "1080p24". */
  private int resolution(int i, Token t) {
    String lo = t.lower();
    Matcher m;
    if (!TagRules.digitStart(t)
        || !(lo.indexOf('p') > 0 || lo.indexOf('i') > 0)
        || !(m = RESOLUTION.matcher(t.text())).matches()) {
      return 0;
    }
    int h = Integer.parseInt(m.group(1));
    if (h < 240 || h > 4320) {
      return 0;
    }
    p.add(i, i + 1, "screen_size", h + m.group(2).toLowerCase(Locale.ROOT), false);
    if (m.group(3) != null) {
      p.add(i, i + 1, "frame_rate", m.group(3) + "fps", false); // 1080p24
    }
    return 1;
  }

  /** "BD1080p", "WEB720p": a source glued to the height. */
  private int sourceAndHeight(int i, Token t) {
    Matcher m;
    if (TagRules.digitStart(t)
        || !t.hasDigit()
        || !(m = SOURCE_AND_HEIGHT.matcher(t.text())).matches()) {
      return 0;
    }
    Keywords.Entry source = Keywords.lookup(m.group(1).toLowerCase(Locale.ROOT));
    if (source == null) {
      return 0;
    }
    for (Keywords.Assign a : source.assigns()) {
      p.add(i, i + 1, a.property(), a.value(), false);
    }
    p.add(i, i + 1, "screen_size", m.group(2).toLowerCase(Locale.ROOT), false);
    return 1;
  }

  /** "720hd", "1080pHD": a height with HD glued to it. */
  private int heightHd(int i, Token t) {
    Matcher m;
    if (!TagRules.digitStart(t)
        || !t.lower().endsWith("hd")
        || !(m = HEIGHT_HD.matcher(t.lower())).matches()) {
      return 0;
    }
    int h = Integer.parseInt(m.group(1));
    if (!STANDARD_HEIGHTS.contains(h)) {
      return 0;
    }
    p.add(i, i + 1, "screen_size", h + "p", false);
    return 1;
  }

  /** "500 x 480", "1280 * 720": a size written with spaces. */
  private int spacedWidthByHeight(int i, Token t) {
    if (!t.isDigits() || t.text().length() < 3) {
      return 0;
    }
    Token x = p.at(i + 1);
    Token h = p.at(i + 2);
    boolean cross = x != null && x.lower().equals("x") && h != null && h.isDigits();
    boolean star = x != null && x.isDigits() && x.before().strip().equals("*");
    if (!t.isDigits() || t.text().length() < 3 || !(cross || star)) {
      return 0;
    }
    Token height = cross ? h : x;
    if (height.text().length() < 3 || height.text().length() > 4 || t.text().length() > 4) {
      return 0;
    }
    int w = Integer.parseInt(t.text());
    int hh = Integer.parseInt(height.text());
    int used = cross ? 3 : 2;
    p.add(
        i,
        i + used,
        "screen_size",
        STANDARD_HEIGHTS.contains(hh) && w * 10 >= hh * 13 ? hh + "p" : w + "x" + hh,
        false);
    p.add(i, i + used, "aspect_ratio", Math.round(w * 1000.0 / hh) / 1000.0, false);
    return used;
  }

  /** "1920x1080": a standard height as "1080p", anything else as written, and the ratio. */
  private int widthByHeight(int i, Token t) {
    Matcher m;
    if (!TagRules.digitStart(t)
        || t.lower().indexOf('x') < 0
        || !(m = WXH.matcher(t.text())).matches()) {
      return 0;
    }
    int w = Integer.parseInt(m.group(1));
    int h = Integer.parseInt(m.group(2));
    if (w < 320 || h < 240) {
      return 0;
    }
    String scan = m.group(3).isEmpty() ? "p" : m.group(3).toLowerCase(Locale.ROOT);
    p.add(
        i,
        i + 1,
        "screen_size",
        STANDARD_HEIGHTS.contains(h) && w * 10 >= h * 13 ? h + scan : w + "x" + h,
        false);
    p.add(i, i + 1, "aspect_ratio", Math.round(w * 1000.0 / h) / 1000.0, false);
    return 1;
  }

  /** "4K". */
  private int fourK(int i, Token t) {
    if (!t.text().equalsIgnoreCase("4k")) {
      return 0;
    }
    p.add(i, i + 1, "screen_size", "2160p", false);
    return 1;
  }

  /** "1280*720". */
  private int widthTimesHeight(int i, Token t) {
    Token next = p.at(i + 1);
    if (!t.isDigits()
        || next == null
        || !next.isDigits()
        || !next.before().equals("*")
        || t.text().length() < 3
        || next.text().length() < 3) {
      return 0;
    }
    int w = Integer.parseInt(t.text());
    int h = Integer.parseInt(next.text());
    p.add(
        i,
        i + 2,
        "screen_size",
        STANDARD_HEIGHTS.contains(h) && w * 10 >= h * 13 ? h + "p" : w + "x" + h,
        false);
    return 2;
  }

  /** "BRrip 720 AAC", "[720.Hi10p]": a bare height among tags. */
  private int bareHeight(int i, Token t) {
    String s = t.text();
    Token next = p.at(i + 1);
    if (!t.isDigits()
        || !(s.equals("720") || s.equals("1080") || s.equals("2160"))
        || i == 0
        || !(t.bracketed()
            || i > 0 && p.covered[i - 1]
            || next != null && Keywords.lookup(p.keys[i + 1]) != null)) {
      return 0;
    }
    p.add(i, i + 1, "screen_size", s + "p", false);
    return 1;
  }
}
