package dev.reel.organize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A naming scheme such as {@code {title}[ ({year})]/Season {season:2}/{title} -
 * s{season:2}e{episode_range:2}[ - {episode_title}]}.
 *
 * <p>{@code {token}} is replaced by the token's value; {@code {token:N}} pads a number with zeros
 * to N digits. {@code [...]} is an optional part, left out when a token inside it has no value.
 * {@code {{ }} [[ ]]} are literal braces and brackets. {@code /} separates folders. The episode
 * range prints the first episode, or first and last joined by a dash, repeating an {@code e} or
 * {@code E} written just before the token ({@code e{episode_range:2}} gives {@code e02-e03}, {@code
 * x{episode_range}} gives {@code x2-3}).
 */
public final class NameTemplate {
  /** The tokens a template may use. */
  public static final Set<String> TOKENS =
      Set.of(
          "title",
          "year",
          "season",
          "episode",
          "episode_range",
          "episode_title",
          "date",
          "edition",
          "part",
          "resolution",
          "video_codec",
          "tmdb",
          "ext");

  private final String text;
  private final List<Part> parts;

  private sealed interface Part {}

  private record Literal(String text) implements Part {}

  private record Token(String name, int width, char before) implements Part {}

  private record Optional(List<Part> parts) implements Part {}

  /** A value for a token: text, a number, or a list of numbers (episodes). */
  public record Values(Map<String, Object> values) {
    Object get(String name) {
      return values.get(name);
    }
  }

  private NameTemplate(String text, List<Part> parts) {
    this.text = text;
    this.parts = parts;
  }

  /** Parses a template; a malformed one is an {@code IllegalArgumentException} saying where. */
  public static NameTemplate parse(String text) {
    int[] at = {0};
    List<Part> parts = parseParts(text, at, false);
    if (at[0] < text.length()) {
      throw bad(text, at[0], "unmatched ']'");
    }
    return new NameTemplate(text, List.copyOf(parts));
  }

  private static List<Part> parseParts(String t, int[] at, boolean inOptional) {
    List<Part> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    while (at[0] < t.length()) {
      char c = t.charAt(at[0]);
      char next = at[0] + 1 < t.length() ? t.charAt(at[0] + 1) : 0;
      if ((c == '{' || c == '}' || c == '[' || c == ']') && next == c) {
        lit.append(c);
        at[0] += 2;
      } else if (c == '{') {
        int end = t.indexOf('}', at[0]);
        if (end < 0) {
          throw bad(t, at[0], "'{' without '}'");
        }
        String inner = t.substring(at[0] + 1, end);
        String name = inner;
        int width = 0;
        int colon = inner.indexOf(':');
        if (colon >= 0) {
          name = inner.substring(0, colon);
          try {
            width = Integer.parseInt(inner.substring(colon + 1));
          } catch (NumberFormatException e) {
            throw bad(
                t,
                at[0],
                "padding must be a number of digits, not '" + inner.substring(colon + 1) + "'");
          }
          if (width < 0 || width > 9) {
            throw bad(t, at[0], "padding must be 0 to 9 digits");
          }
        }
        if (!TOKENS.contains(name)) {
          throw bad(
              t,
              at[0],
              "unknown token {"
                  + name
                  + "}; tokens are "
                  + String.join(", ", new java.util.TreeSet<>(TOKENS)));
        }
        char before = lit.isEmpty() ? 0 : lit.charAt(lit.length() - 1);
        flush(lit, parts);
        parts.add(new Token(name, width, before));
        at[0] = end + 1;
      } else if (c == '}') {
        throw bad(t, at[0], "'}' without '{' (write }} for a brace)");
      } else if (c == '[') {
        flush(lit, parts);
        at[0]++;
        List<Part> inner = parseParts(t, at, true);
        if (at[0] >= t.length() || t.charAt(at[0]) != ']') {
          throw bad(t, at[0], "'[' without ']'");
        }
        at[0]++;
        parts.add(new Optional(List.copyOf(inner)));
      } else if (c == ']') {
        if (!inOptional) {
          throw bad(t, at[0], "']' without '[' (write ]] for a bracket)");
        }
        break;
      } else {
        lit.append(c);
        at[0]++;
      }
    }
    flush(lit, parts);
    return parts;
  }

  private static void flush(StringBuilder lit, List<Part> parts) {
    if (!lit.isEmpty()) {
      parts.add(new Literal(lit.toString()));
      lit.setLength(0);
    }
  }

  private static IllegalArgumentException bad(String t, int at, String what) {
    return new IllegalArgumentException("name format '" + t + "' at " + (at + 1) + ": " + what);
  }

  /** Whether the template writes the extension itself. */
  public boolean hasToken(String name) {
    return has(parts, name);
  }

  private static boolean has(List<Part> parts, String name) {
    for (Part p : parts) {
      if (p instanceof Token t && t.name.equals(name)
          || p instanceof Optional o && has(o.parts, name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The rendered path, split into its folders and file name; token values are made safe by {@code
   * clean} before they are put in (so a title with a slash does not make a folder).
   */
  public String render(Values values, java.util.function.UnaryOperator<String> clean) {
    StringBuilder b = new StringBuilder();
    renderInto(parts, values, clean, b);
    return b.toString();
  }

  private static boolean renderInto(
      List<Part> parts,
      Values values,
      java.util.function.UnaryOperator<String> clean,
      StringBuilder b) {
    boolean complete = true;
    for (Part p : parts) {
      switch (p) {
        case Literal l -> b.append(l.text);
        case Token t -> {
          String v = value(t, values.get(t.name));
          if (v == null || v.isEmpty()) {
            complete = false;
          } else {
            b.append(clean.apply(v));
          }
        }
        case Optional o -> {
          StringBuilder inner = new StringBuilder();
          if (renderInto(o.parts, values, clean, inner)) {
            b.append(inner);
          }
        }
      }
    }
    return complete;
  }

  private static String value(Token t, Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Integer i) {
      return pad(i, t.width);
    }
    if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        return null;
      }
      String first = pad((Integer) l.get(0), t.width);
      if (l.size() == 1) {
        return first;
      }
      String last = pad((Integer) l.get(l.size() - 1), t.width);
      String letter = t.before == 'e' || t.before == 'E' ? String.valueOf(t.before) : "";
      return first + "-" + letter + last;
    }
    return v.toString();
  }

  private static String pad(int n, int width) {
    String s = Integer.toString(n);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  @Override
  public String toString() {
    return text;
  }
}
