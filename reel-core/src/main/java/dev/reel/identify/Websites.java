package dev.reel.identify;

/**
 * Web sites in release names: "[www.site.com]", "www.site.org - Show",
 * "Show...[sharethefiles.com]", "site.com_Show", "tvu.org.ru" at the end; kept as guessit writes
 * them (with www and dashes).
 */
final class Websites {
  private static final java.util.Set<String> TLDS =
      java.util.Set.of(
          "com", "org", "net", "ru", "fr", "de", "uk", "info", "to", "tv", "me", "cc", "io", "co",
          "eu", "nl", "it", "es", "se", "ws", "biz", "in", "us", "lt", "pl", "cz");

  /** Top-level domains of sites that put their name in front of a release's. */
  private static final java.util.Set<String> SITE_TLDS =
      java.util.Set.of(
          "com", "org", "net", "info", "to", "tv", "cc", "io", "ws", "biz", "ru", "cz", "fr", "pl",
          "nl", "se", "vip", "xyz", "top", "club", "site", "pw", "la", "re", "si", "gg");

  private final SegmentParser p;

  Websites(SegmentParser p) {
    this.p = p;
  }

  /**
   * A web site: two to four p.tokens joined by dots whose last is a top-level domain
   * ("sharethefiles.com", "www.divx-overnet.com", "tvu.org.ru"); "www" is dropped.
   */
  int read(int i) {
    Token first = p.tokens.get(i);
    if (first.lower().equals("yts")) {
      return 0; // "x264-[YTS.LT]", "[YTS.MX]": the group's name, whatever its domain
    }
    if (i == 0 && !first.bracketed() && p.tokens.size() > 3) {
      // "site.com_Show.S01E01", "torrent.org - Show": a site in front, set off from the name
      Token tld = p.tokens.get(1);
      Token after = p.tokens.get(2);
      if (tld.before().equals(".")
          && SITE_TLDS.contains(tld.lower())
          && (after.before().equals("_") || after.before().contains("-"))
          && !first.isDigits()
          && !after.isDigits()) { // "Site.com_16.01.23.Name": the site is all the title there is
        p.add(0, 2, "website", first.text() + "." + tld.text(), false);
        return 2;
      }
    }
    if (first.lower().equals("www") && first.bracketed()) {
      // "[ www.Speed.Cd ] - Show": any last word ends the site when its bracket closes
      int j = i;
      while (j + 1 < p.tokens.size() && j - i < 4 && p.tokens.get(j + 1).before().equals(".")) {
        j++;
      }
      boolean closes = j + 1 < p.tokens.size() && p.tokens.get(j + 1).before().indexOf(']') >= 0;
      String last = p.tokens.get(j).lower();
      if (j - i >= 2 && closes && last.length() <= 4 && !p.tokens.get(j).hasDigit()) {
        StringBuilder site = new StringBuilder();
        for (int k = i; k <= j; k++) {
          site.append(k > i ? "." : "").append(p.tokens.get(k).text());
        }
        p.add(i, j + 1, "website", site.toString(), false);
        return j + 1 - i;
      }
    }
    if (!first.bracketed()
        && p.tokens.size() - 1 - i > 4
        && !first.text().equalsIgnoreCase("www")) {
      return 0; // a site is bracketed, starts with www, or ends the name
    }
    int j = i;
    boolean www = first.lower().equals("www");
    while (j + 1 < p.tokens.size()
        && j - i < (www ? 6 : 4)
        && (p.tokens.get(j + 1).before().equals(".")
            || www && p.tokens.get(j + 1).before().equals("-"))) {
      j++; // "www.manga-ddl-free.com": dashes inside a www name
    }
    for (int end = j; end > i; end--) {
      String last = p.tokens.get(end).lower();
      boolean bracketedOrWww = p.tokens.get(i).bracketed() || p.tokens.get(i).lower().equals("www");
      if (last.length() >= 2
          && last.length() <= 4
          && TLDS.contains(last)
          && (bracketedOrWww
              || end == p.tokens.size() - 1
                  && end - i >= 1
                  && end - i <= 2 // "tvu.org.ru", not "720p.H.264.YTS.LT"
                  && !twoCapitals(p.tokens.get(end).text()) // "Sergent.Skinner.FR": a language
                  && !last.equals("lt")
                  && !last.equals("it")
                  && !last.equals("to")
                  && !last.equals("me")
                  && !last.equals("in")
                  && !last.equals("us")
                  && !last.equals("es")
                  && !last.equals("de"))) {
        StringBuilder site = new StringBuilder();
        for (int k = i; k <= end; k++) {
          if (k > i) {
            site.append(p.tokens.get(k).before().equals("-") ? '-' : '.');
          }
          site.append(p.tokens.get(k).text());
        }
        p.add(i, end + 1, "website", site.toString(), false);
        return end + 1 - i;
      }
    }
    return 0;
  }

  private static boolean twoCapitals(String s) {
    return s.length() == 2
        && Character.isUpperCase(s.charAt(0))
        && Character.isUpperCase(s.charAt(1));
  }
}
