package dev.reel.lookup;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How alike two titles are, 0..1, as a reader would judge: case, accents, punctuation, "&" for
 * "and" and a leading article do not count; what is left is compared by edit distance.
 */
final class TitleSimilarity {
  private TitleSimilarity() {}

  static double of(String a, String b) {
    String x = plain(a);
    String y = plain(b);
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    if (x.equals(y)) {
      return 1;
    }
    int d = distance(x, y);
    return Math.max(0, 1 - d / (double) Math.max(x.length(), y.length()));
  }

  /** Lower case letters and digits, single spaces, no accents, no leading article. */
  static String plain(String s) {
    if (s == null) {
      return "";
    }
    String t =
        Normalizer.normalize(s, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replace("&", " and ")
            .replaceAll("[^\\p{L}\\p{N}]+", " ")
            .strip();
    return t.replaceFirst("^(the|a|an) ", "");
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
