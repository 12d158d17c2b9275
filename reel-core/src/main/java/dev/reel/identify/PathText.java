package dev.reel.identify;

import java.util.ArrayList;
import java.util.List;

/**
 * A name's text before it is parsed: control characters and broken surrogates out, the path cut
 * into its folders and file ("[720p/MKV]" and "Title / Other Title" are no folders), and names
 * written backwards recognised.
 */
final class PathText {
  private PathText() {}

  static String sanitize(String s) {
    String cut = s.length() > Identifier.MAX_LENGTH ? s.substring(0, Identifier.MAX_LENGTH) : s;
    boolean clean = true;
    for (int i = 0; i < cut.length() && clean; i++) {
      char c = cut.charAt(i);
      clean = c >= ' ' && c < 0x7F || c > 0x9F && !Character.isSurrogate(c);
    }
    if (clean) {
      return cut; // the common case: nothing to replace
    }
    StringBuilder sb = new StringBuilder(cut.length());
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < cut.length()
          && Character.isLowSurrogate(cut.charAt(i + 1))) {
        sb.append(c).append(cut.charAt(++i));
      } else if (Character.isSurrogate(c) || Character.isISOControl(c)) {
        sb.append(' ');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * The path's parts between slashes and backslashes, except a slash inside a bracket that closes
   * before the next one: "[720p/MKV]" is a list of tags in a name, not a folder.
   */
  static List<String> segments(String path) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    int open = -1;
    for (int k = 0; k < path.length(); k++) {
      char c = path.charAt(k);
      if (c == '[') {
        open = k;
      } else if (c == ']') {
        open = -1;
      } else if (c == '/' || c == '\\') {
        if (open >= 0 && closesBeforeNextSeparator(path, k + 1)) {
          continue;
        }
        if (c == '/'
            && k > 0
            && k + 1 < path.length()
            && path.charAt(k - 1) == ' '
            && path.charAt(k + 1) == ' ') {
          continue; // "葬送的芙莉莲 / Sousou no Frieren - 12": two titles, not a folder
        }
        parts.add(path.substring(start, k));
        start = k + 1;
        open = -1;
      }
    }
    parts.add(path.substring(start));
    return parts;
  }

  private static boolean closesBeforeNextSeparator(String path, int from) {
    for (int k = from; k < path.length(); k++) {
      char c = path.charAt(k);
      if (c == ']') {
        return true;
      }
      if (c == '/' || c == '\\' || c == '[') {
        return false;
      }
    }
    return false;
  }

  /** Marks of a name written backwards, as some uploads hide theirs: "10E20S", "p0801". */
  private static final java.util.regex.Pattern REVERSED =
      java.util.regex.Pattern.compile(
          "(?i)(?<![a-z0-9])(?:\\d{2}e\\d{2}s|p0801|p027|p0612)(?![a-z0-9])");

  private static final java.util.regex.Pattern UNREVERSED =
      java.util.regex.Pattern.compile("(?i)(?<![a-z0-9])(?:s\\d{2}e\\d{2}|1080p|720p|2160p)");

  /** Whether the name is written backwards ("...p0801.10E20S.retraC.gnidniF"). */
  static boolean reversed(String name) {
    boolean mark = false;
    for (int k = 2; k + 3 < name.length() && !mark; k++) {
      char c = name.charAt(k);
      // cheap test first: "10E20S" (digits, E, digits, S) or "p0801" / "p027"
      mark =
          (c == 'e' || c == 'E')
                  && isDigit(name.charAt(k - 1))
                  && isDigit(name.charAt(k - 2))
                  && isDigit(name.charAt(k + 1))
                  && isDigit(name.charAt(k + 2))
                  && (name.charAt(k + 3) == 's' || name.charAt(k + 3) == 'S')
              || c == '0'
                  && (name.charAt(k - 1) == 'p' || name.charAt(k - 1) == 'P')
                  && isDigit(name.charAt(k + 1))
                  && isDigit(name.charAt(k + 2));
    }
    return mark && REVERSED.matcher(name).find() && !UNREVERSED.matcher(name).find();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
