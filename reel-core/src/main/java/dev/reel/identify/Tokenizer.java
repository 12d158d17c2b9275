package dev.reel.identify;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one path segment into tokens: maximal runs of letters and digits. Apostrophes inside words
 * ("Director's", "Grey's") join the word. Bracket depth is tracked so that tokens inside (), [] and
 * {} are marked.
 */
final class Tokenizer {
  private static final int MAX_TOKENS = 128; // a 255-character segment holds fewer

  private Tokenizer() {}

  static List<Token> tokens(String s) {
    List<Token> out = new ArrayList<>();
    int depth = 0;
    int i = 0;
    int sepStart = 0;
    int n = s.length();
    while (i < n && out.size() < MAX_TOKENS) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        int start = i;
        while (i < n
            && (Character.isLetterOrDigit(s.charAt(i))
                || (isApostrophe(s.charAt(i))
                    && i + 1 < n
                    && Character.isLetter(s.charAt(i + 1))
                    && i > start))) {
          i++;
        }
        out.add(Token.of(s.substring(start, i), start, i, s.substring(sepStart, start), depth > 0));
        sepStart = i;
      } else {
        if ((c == '(' || c == '[' || c == '{') && !(i > 0 && s.charAt(i - 1) == c)) {
          depth++; // "[[Group]": a doubled bracket opens once
        } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
          depth--;
        }
        i++;
      }
    }
    return out;
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019';
  }
}
