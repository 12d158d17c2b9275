package dev.reel.identify;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one path segment (a file name without its extension, or a folder name).
 *
 * <p>How it works: the segment is split into tokens, then read left to right. At each token,
 * structural rules come first (SxxEyy, 1x02, "Season 2", dates, years, resolutions, CRC32, audio
 * channels), then the longest span of up to three tokens that is a known keyword or language.
 * Keywords that are also ordinary words are weak: they count only after the title, which ends at
 * the first strong match (or at the year). The title is the text before that point, the episode
 * title the text between the episode marker and the next match, and the release group what follows
 * the last dash.
 */
final class SegmentParser {
  final String segment;
  final List<Token> tokens;
  final boolean fileName;

  /** The day names are read on: a date after it is read another way round. */
  final java.time.LocalDate today;

  final List<Match> matches = new ArrayList<>();
  final boolean[] covered;
  final String[] keys;
  final TagRules tags;
  private final Websites sites;
  private final NumberingRules numbering;
  private final WordRules words;

  /** A property found on tokens [from, to). */
  record Match(int from, int to, String property, Object value, boolean weak) {}

  private SegmentParser(String segment, boolean fileName, java.time.LocalDate today) {
    this.segment = segment;
    this.today = today;
    this.tokens = Tokenizer.tokens(segment);
    this.fileName = fileName;
    this.covered = new boolean[tokens.size()];
    this.keys = new String[tokens.size()];
    this.numbering = new NumberingRules(this);
    this.tags = new TagRules(this);
    this.sites = new Websites(this);
    this.words = new WordRules(this);
    for (int k = 0; k < keys.length; k++) {
      String lower = tokens.get(k).lower();
      // tokens are letters and digits, apart from apostrophes inside words
      keys[k] = lower.indexOf('\'') < 0 && lower.indexOf('\u2019') < 0 ? lower : stripKey(lower);
    }
  }

  static SegmentParse parse(String segment, boolean fileName, java.time.LocalDate today) {
    segment = withAsciiBrackets(segment);
    SegmentParser p = new SegmentParser(segment, fileName, today);
    p.scan();
    return new Resolver(segment, p.tokens, p.matches, fileName).resolve();
  }

  private void scan() {
    int n = tokens.size();
    int i = 0;
    while (i < n) {
      int used = covered[i] ? 1 : structural(i);
      if (used == 0) {
        used = words.keyword(i);
      }
      i += Math.max(1, used);
    }
  }

  /**
   * Full-width forms as their ASCII letters, digits and signs ("１０８０Ｐ", "（", "！"), the ideographic
   * space as a space, and CJK brackets ({@code 【】「」『』〔〕〖〗《》〈〉}) as square brackets: anime releases
   * use them as delimiters. One character for one, so offsets hold.
   */
  static String withAsciiBrackets(String s) {
    char[] out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char m = c;
      if (c < '\u3000') {
        continue; // the common case: nothing to map
      }
      if (c >= '\uFF01' && c <= '\uFF5E') {
        m = (char) (c - 0xFEE0);
      } else if (c == '\u3000') {
        m = ' ';
      } else if ("【「『〔〖《〈".indexOf(c) >= 0) {
        m = '[';
      } else if ("】」』〕〗》〉".indexOf(c) >= 0) {
        m = ']';
      }
      if (m != c) {
        if (out == null) {
          out = s.toCharArray();
        }
        out[i] = m;
      }
    }
    return out == null ? s : new String(out);
  }

  private static String stripKey(String lower) {
    StringBuilder key = new StringBuilder(lower.length());
    WordRules.appendKey(key, lower);
    return key.toString();
  }

  void add(int from, int to, String property, Object value, boolean weak) {
    matches.add(new Match(from, to, property, value, weak));
    for (int k = from; k < to; k++) {
      covered[k] = true;
    }
  }

  Token at(int i) {
    return i >= 0 && i < tokens.size() ? tokens.get(i) : null;
  }

  /** Structural rules; returns the number of tokens used, 0 when none applies. */
  private int structural(int i) {
    int used = sites.read(i);
    if (used == 0) {
      used = numbering.match(i);
    }
    return used > 0 ? used : tags.match(i);
  }
}
