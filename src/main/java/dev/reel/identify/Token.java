package dev.reel.identify;

/**
 * A run of letters and digits in one path segment.
 *
 * @param text the characters as written
 * @param start offset of the first character in the segment
 * @param end offset after the last character
 * @param before the separator characters between the previous token and this one
 * @param bracketed whether the token sits inside (), [] or {}
 */
record Token(String text, int start, int end, String before, boolean bracketed) {
  String lower() {
    return text.toLowerCase(java.util.Locale.ROOT);
  }

  boolean isDigits() {
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return !text.isEmpty();
  }

  /** Whether the separator before this token is a dash between spaces or a bare dash. */
  boolean afterDash() {
    return before.indexOf('-') >= 0;
  }
}
