package dev.reel.identify;

import java.util.Locale;

/** Roman numerals from I to XXXIX, as used for parts and sequels. */
final class Roman {
  private static final java.util.regex.Pattern ROMAN =
      java.util.regex.Pattern.compile("X{0,3}(IX|IV|V?I{0,3})");

  private Roman() {}

  /** The value of a Roman numeral, or 0 when the text is not one. */
  static int value(String text) {
    String s = text.toUpperCase(Locale.ROOT);
    if (s.isEmpty() || s.length() > 6 || !ROMAN.matcher(s).matches()) {
      return 0;
    }
    int total = 0;
    int prev = 0;
    for (int i = s.length() - 1; i >= 0; i--) {
      int v =
          switch (s.charAt(i)) {
            case 'I' -> 1;
            case 'V' -> 5;
            default -> 10;
          };
      total += v < prev ? -v : v;
      prev = Math.max(prev, v);
    }
    return total;
  }
}
