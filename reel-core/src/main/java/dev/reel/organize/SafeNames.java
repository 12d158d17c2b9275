package dev.reel.organize;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Makes names safe to create: {@link #WINDOWS} for names that also work on Windows and SMB shares
 * (the default: a library is often shared), {@link #POSIX} for Linux-only libraries.
 *
 * <p>Both drop control characters (a newline in a name makes 0-byte files on some shares and breaks
 * scripts), replace slashes, strip leading and trailing spaces and trailing dots, and cap a name at
 * {@value #MAX_BYTES} bytes of UTF-8 without cutting a character. WINDOWS also replaces {@code : *
 * ? " < > |} and backslash, and renames reserved device names ({@code CON}, {@code NUL}, {@code
 * COM1}...).
 */
public enum SafeNames {
  WINDOWS,
  POSIX;

  static final int MAX_BYTES = 255;
  private static final Set<String> RESERVED =
      Set.of(
          "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
          "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

  /** A token's value made safe to put into a name (no separators, no illegal characters). */
  public String value(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        b.append(' ');
      } else if (c == ' ' && !b.isEmpty() && b.charAt(b.length() - 1) == ' ') {
        // runs of spaces (left by dropped characters) become one
      } else if (c == '/' || c == '\\' && this == WINDOWS) {
        b.append('-');
      } else if (this == WINDOWS && c == ':') {
        boolean spaced = i + 1 < s.length() && s.charAt(i + 1) == ' ';
        b.append(spaced ? " -" : "-");
      } else if (this == WINDOWS && c == '"') {
        b.append('\'');
      } else if (this == WINDOWS && c == '|') {
        b.append('-');
      } else if (this == WINDOWS && (c == '*' || c == '?' || c == '<' || c == '>')) {
        // dropped: "What If...?" becomes "What If..."
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * One folder or file name made safe: the name as {@link #value} makes it, without leading or
   * trailing spaces and trailing dots, not a device name, never empty, "." or "..", and at most
   * {@value #MAX_BYTES} bytes with {@code suffix} (".en.srt", ".mkv") kept whole.
   */
  public String component(String stem, String suffix) {
    String s = value(stem).strip();
    while (s.endsWith(".") || s.endsWith(" ")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.isEmpty() || s.equals("..") || s.equals(".")) {
      s = "_";
    }
    if (this == WINDOWS) {
      String base = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
      if (RESERVED.contains(base.toLowerCase(Locale.ROOT))) {
        s = s + "_";
      }
    }
    int room = MAX_BYTES - suffix.getBytes(StandardCharsets.UTF_8).length;
    s = fit(s, Math.max(16, room));
    while (s.endsWith(".") || s.endsWith(" ")) {
      s = s.substring(0, s.length() - 1);
    }
    return s + suffix;
  }

  /** The longest prefix of {@code s} that fits in {@code maxBytes} of UTF-8, whole characters. */
  static String fit(String s, int maxBytes) {
    if (s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return s;
    }
    int bytes = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + n > maxBytes) {
        break;
      }
      bytes += n;
      i += Character.charCount(cp);
    }
    return s.substring(0, i);
  }
}
