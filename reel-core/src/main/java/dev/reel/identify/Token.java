package dev.reel.identify;

import java.util.Locale;

/**
 * A run of letters and digits in one path segment. The lower case and the digit flags are computed
 * once, since every rule asks.
 *
 * @param text the characters as written
 * @param start offset of the first character in the segment
 * @param end offset after the last character
 * @param before the separator characters between the previous token and this one
 * @param bracketed whether the token sits inside (), [] or {}
 * @param lower the text in lower case
 * @param isDigits whether the text is only digits
 * @param hasDigit whether the text has a digit anywhere
 */
record Token(
    String text,
    int start,
    int end,
    String before,
    boolean bracketed,
    String lower,
    boolean isDigits,
    boolean hasDigit) {

  static Token of(String text, int start, int end, String before, boolean bracketed) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i))) {
        count++;
      }
    }
    boolean digits = !text.isEmpty() && count == text.length();
    return new Token(
        text, start, end, before, bracketed, text.toLowerCase(Locale.ROOT), digits, count > 0);
  }

  /** Whether a square or round bracket opens right before this token ("[01]", "(Group"). */
  boolean opensBracket() {
    return before.endsWith("[") || before.endsWith("(");
  }

  /** Whether the separator before this token is a dash between spaces or a bare dash. */
  boolean afterDash() {
    return before.indexOf('-') >= 0;
  }
}
