package dev.reel.html;

/** Text for HTML pages: every report escapes names through here, so a name is never markup. */
public final class Html {
  private Html() {}

  /** {@code s} with {@code < > & " '} as entities: safe in element text and quoted attributes. */
  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
