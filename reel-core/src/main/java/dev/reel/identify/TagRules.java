package dev.reel.identify;

import dev.reel.identify.SegmentParser.Match;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules for technical tags that have a shape rather than a spelling: web sites, dates (YYYY MM DD,
 * DD MM YYYY, MM-DD-YYYY, DD.MM.YY, YYYYMMDD), screen sizes ({@link ScreenSizes}), audio channels
 * (5.1, DD5.1), CRC32 in brackets, frame and bit rates.
 */
final class TagRules {
  private static final Pattern CRC = Pattern.compile("[0-9A-Fa-f]{8}");
  private static final Pattern CODEC_CHANNELS =
      Pattern.compile(
          "(?i)(ac3|dd|ddp|eac3|aac|dts|truehd|atmos|flac|opus|mp3|lpcm|pcm|ma)([1-7])");
  private static final Pattern FPS = Pattern.compile("(?i)(\\d{2,3}(?:\\.\\d{1,3})?)fps");
  private static final Pattern BIT_RATE = Pattern.compile("(?i)(\\d{2,5})(kbps|mbps|kbit|mbit)");
  private static final Pattern SIZE = Pattern.compile("(?i)(\\d{1,4})(mb|gb|tb)");
  private static final Pattern YUV_DEPTH = Pattern.compile("yuv4\\d\\dp(\\d{1,2})(?:le|be)?");
  private static final java.util.Set<String> FRAME_RATES =
      java.util.Set.of("23", "24", "25", "30", "50", "60");
  private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
  private static final Pattern FRAME_RATE_P = Pattern.compile("(\\d{2})p");

  private final SegmentParser p;
  private final Dates dates;
  private final ScreenSizes sizes;

  TagRules(SegmentParser p) {
    this.p = p;
    this.dates = new Dates(p);
    this.sizes = new ScreenSizes(p);
  }

  /**
   * Dates, sizes, channels, CRCs and rates at token i; returns tokens used or 0. Each way of
   * writing a tag is one small method; they are tried in this order and the first that reads the
   * token wins (direct calls, so that the JIT inlines each).
   */
  int match(int i) {
    Token t = p.tokens.get(i);
    int used = frameRate(i, t);
    if (used == 0) {
      used = compactDate(i, t);
    }
    if (used == 0) {
      used = yuvDepth(i, t);
    }
    if (used == 0) {
      used = sizeOrId(i, p.at(i + 1));
    }
    if (used == 0) {
      used = bitRate(i, t);
    }
    if (used == 0) {
      used = dates.read(i);
    }
    if (used == 0) {
      used = sizes.read(i, t);
    }
    if (used == 0) {
      used = crc(i, t);
    }
    if (used == 0) {
      used = codecAndChannels(i, t);
    }
    if (used == 0) {
      used = channels(i, t);
    }
    if (used == 0) {
      used = sizes.readAmongTags(i, t);
    }
    return used;
  }

  static boolean digitStart(Token t) {
    return Character.isDigit(t.text().charAt(0));
  }

  /** "23.976fps", "25fps". */
  private int frameRate(int i, Token t) {
    Matcher m;
    if (!digitStart(t) || !t.lower().endsWith("fps") || !(m = FPS.matcher(t.text())).matches()) {
      return 0;
    }
    p.add(i, i + 1, "frame_rate", m.group(1) + "fps", false);
    return 1;
  }

  /** "20021107". */
  private int compactDate(int i, Token t) {
    String s = t.text();
    if (s.length() == 6 && t.isDigits() && afterEpisode(i)) {
      // "Show.E01.191214.1080p": Korean broadcasts give the day as YYMMDD after the episode
      LocalDate day =
          validDate(
              2000 + Integer.parseInt(s.substring(0, 2)),
              Integer.parseInt(s.substring(2, 4)),
              Integer.parseInt(s.substring(4)));
      if (day != null && !day.isAfter(p.today.plusYears(1))) {
        p.add(i, i + 1, "date", day, false);
        return 1;
      }
    }
    if (s.length() != 8 || !t.isDigits()) {
      return 0;
    }
    LocalDate compact =
        validDate(
            Integer.parseInt(s.substring(0, 4)),
            Integer.parseInt(s.substring(4, 6)),
            Integer.parseInt(s.substring(6)));
    if (compact == null || !Years.plausible(compact.getYear())) {
      return 0;
    }
    p.add(i, i + 1, "date", compact, false);
    return 1;
  }

  private boolean afterEpisode(int i) {
    if (p.matches.isEmpty()) {
      return false;
    }
    Match last = p.matches.get(p.matches.size() - 1);
    return last.to() == i && last.property().equals("episode");
  }

  /** "yuv420p10": a color depth. */
  private int yuvDepth(int i, Token t) {
    Matcher m;
    if (!t.lower().startsWith("yuv") || !(m = YUV_DEPTH.matcher(t.lower())).matches()) {
      return 0;
    }
    p.add(i, i + 1, "color_depth", m.group(1) + "-bit", false);
    return 1;
  }

  /** "448kbps", "10Mbps". */
  private int bitRate(int i, Token t) {
    String lo = t.lower();
    Matcher m;
    if (!digitStart(t)
        || !(lo.endsWith("bps") || lo.endsWith("bit"))
        || !(m = BIT_RATE.matcher(t.text())).matches()) {
      return 0;
    }
    boolean video = m.group(2).toLowerCase(Locale.ROOT).startsWith("m");
    p.add(
        i,
        i + 1,
        video ? "video_bit_rate" : "audio_bit_rate",
        m.group(1) + (video ? "Mbps" : "Kbps"),
        false);
    return 1;
  }

  /** "[ABCD1234]": a bracketed CRC32 (not a date). */
  private int crc(int i, Token t) {
    String s = t.text();
    if (!t.bracketed()
        || s.length() != 8
        || !CRC.matcher(s).matches()
        || !(hasLetterAndDigit(s) || !isCompactDate(s))) {
      return 0;
    }
    p.add(i, i + 1, "crc32", s, false);
    return 1;
  }

  /** "DD5.1", "AAC2.0": a codec with its channels. */
  private int codecAndChannels(int i, Token t) {
    Token next = p.at(i + 1);
    Matcher m;
    if (digitStart(t)
        || !t.hasDigit()
        || !(m = CODEC_CHANNELS.matcher(t.text())).matches()
        || next == null
        || !next.isDigits()
        || next.text().length() != 1
        || !(next.before().equals(".") || next.before().equals(" "))) {
      return 0;
    }
    String name = m.group(1).toLowerCase(Locale.ROOT);
    if (name.equals("ma")) { // "DTS-HD.MA5.1": the Master Audio profile with its channels
      p.add(i, i + 2, "audio_profile", "Master Audio", false);
    } else {
      for (Keywords.Assign a : Keywords.lookup(name).assigns()) {
        p.add(i, i + 2, a.property(), a.value(), false);
      }
    }
    p.add(i, i + 2, "audio_channels", m.group(2) + "." + next.text(), false);
    return 2;
  }

  /** "5.1", "7.1ch", "2.0". */
  private int channels(int i, Token t) {
    String s = t.text();
    Token next = p.at(i + 1);
    if (!t.isDigits()
        || s.length() != 1
        || !"1257".contains(s)
        || next == null
        || !(next.isDigits() && next.text().length() == 1 || next.lower().endsWith("ch"))
        || !(next.text().equals("0")
            || next.text().equals("1")
            || next.lower().equals("0ch")
            || next.lower().equals("1ch"))
        || !next.before().equals(".")
        || !(i > 0 || p.tokens.size() == 2)) {
      return 0;
    }
    p.add(i, i + 2, "audio_channels", s + "." + next.text().charAt(0), false);
    return 2;
  }

  private static boolean isCompactDate(String s) {
    return s.chars().allMatch(Character::isDigit)
        && validDate(
                Integer.parseInt(s.substring(0, 4)),
                Integer.parseInt(s.substring(4, 6)),
                Integer.parseInt(s.substring(6)))
            != null;
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

  /**
   * File sizes ("177mb", "4.8GB"), bit rates with a spaced unit ("32 Mbps"), frame rates ("24p"),
   * and UUIDs (32 hex digits, or 8-4-4-4-12 with dashes) that name obfuscated files.
   */
  private int sizeOrId(int i, Token next) {
    Token t = p.tokens.get(i);
    String raw = t.text();
    int len = raw.length();
    char last = Character.toLowerCase(raw.charAt(len - 1));
    boolean hexLength = len == 32 || len == 8;
    boolean sizeLike = last == 'b' && Character.isDigit(raw.charAt(0));
    boolean rateLike = len == 3 && last == 'p';
    boolean spacedUnit =
        next != null && t.isDigits() && next.before().equals(" ") && next.text().length() >= 4;
    if (!hexLength && !sizeLike && !rateLike && !spacedUnit) {
      return 0;
    }
    String lo = t.lower();
    Matcher m;
    if (lo.length() == 32 && HEX32.matcher(lo).matches()) {
      p.add(i, i + 1, "uuid", t.text(), false);
      return 1;
    }
    if (lo.length() == 8 && HEX.matcher(lo).matches() && i + 4 < p.tokens.size()) {
      int[] lengths = {4, 4, 4, 12};
      boolean uuid = true;
      for (int k = 0; k < 4 && uuid; k++) {
        Token part = p.tokens.get(i + 1 + k);
        uuid =
            part.before().equals("-")
                && part.text().length() == lengths[k]
                && HEX.matcher(part.lower()).matches();
      }
      if (uuid) {
        p.add(i, i + 5, "uuid", p.segment.substring(t.start(), p.tokens.get(i + 4).end()), false);
        return 5;
      }
    }
    if (!t.isDigits() && Character.isDigit(lo.charAt(0)) && (m = SIZE.matcher(lo)).matches()) {
      String whole = m.group(1);
      int from = i;
      if (i > 0 && t.before().equals(".") && p.tokens.get(i - 1).isDigits() && !p.covered[i - 1]) {
        whole = p.tokens.get(i - 1).text() + "." + whole; // "4.8GB"
        from = i - 1;
      }
      p.add(from, i + 1, "size", whole + m.group(2).toUpperCase(Locale.ROOT), false);
      return 1;
    }
    if (t.isDigits()
        && next != null
        && next.before().equals(" ")
        && (m = BIT_RATE.matcher(lo + next.lower())).matches()) {
      boolean video = m.group(2).startsWith("m");
      p.add(
          i,
          i + 2,
          video ? "video_bit_rate" : "audio_bit_rate",
          m.group(1) + (video ? "Mbps" : "Kbps"),
          false); // "32 Mbps"
      return 2;
    }
    if (i > 0
        && rateLike
        && (m = FRAME_RATE_P.matcher(lo)).matches()
        && FRAME_RATES.contains(m.group(1))) {
      p.add(i, i + 1, "frame_rate", m.group(1) + "fps", false); // "1080p.24p"
      return 1;
    }
    return 0;
  }

  /** "2024-03-14" and its other spellings over three tokens (see {@link Dates}). */
  boolean dateAt(int i) {
    return dates.at(i);
  }

  static LocalDate validDate(int year, int month, int day) {
    return Dates.valid(year, month, day);
  }
}
