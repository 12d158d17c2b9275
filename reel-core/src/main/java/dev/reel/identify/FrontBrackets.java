package dev.reel.identify;

/**
 * Brackets in front of a name: the release group's ("[Group] Show - 01 [720p]"), more groups after
 * it ("[Jumonji-Giri]_[Shinsen-Subs][ASF]_D.C.II"), or the title itself when nothing else can be
 * ("[Keroro].148.[Xvid.mp3]").
 */
final class FrontBrackets {
  private final Resolver r;

  FrontBrackets(Resolver r) {
    this.r = r;
  }

  /** Sets the group, where the title starts, and whether a group or the title came first. */
  void read() {
    int n = r.tokens.size();
    if (n > 0 && r.segment.stripLeading().startsWith("[") && r.tokens.get(0).bracketed()) {
      int k = 0;
      while (k < n && r.tokens.get(k).bracketed() && !r.tokens.get(k).before().contains("]")) {
        k++;
      }
      r.titleInFront = k > 0 && k < n && bracketIsTheTitle(k);
      if (k > 0
          && k < n
          && (!r.strongMatchIn(0, 1) || fansubName(r.tokens.get(0)))
          && !r.titleInFront) {
        final int end = k;
        r.matches.removeIf(m -> m.from() < end); // "[Kaerizaki-Fansub]" names a group, not tags
        r.group = r.segment.substring(r.tokens.get(0).start(), r.tokens.get(k - 1).end());
        r.titleStart = k;
        r.leadingGroup = true;
        // "[Jumonji-Giri]_[Shinsen-Subs][ASF]_D.C.II": more groups in front, then the title
        while (r.titleStart < n && r.tokens.get(r.titleStart).bracketed()) {
          int j = r.titleStart + 1;
          while (j < n && r.tokens.get(j).bracketed() && !r.tokens.get(j).before().contains("]")) {
            j++;
          }
          boolean fansub = false;
          for (int q = r.titleStart; q < j; q++) {
            String lo = r.tokens.get(q).lower();
            fansub |= fansubName(r.tokens.get(q)) || lo.equals("subs") || lo.equals("raws");
          }
          boolean another =
              j < n
                  && (fansub
                      || j - r.titleStart == 1
                          && shortCapitals(r.tokens.get(r.titleStart))
                          && !r.anyMatchIn(r.titleStart, j));
          if (!another) {
            break;
          }
          final int cut = j;
          r.matches.removeIf(m -> m.from() < cut);
          r.titleStart = j;
        }
      }
    }
  }

  /**
   * Whether the bracket in front, ending before token k, holds the title rather than a group: no
   * word outside brackets follows, and a number comes before any other bracket of words
   * ("[Keroro].148.[Xvid.mp3]", "[Some Show HD REMASTER][07][720p][encoded by X]").
   */
  private boolean bracketIsTheTitle(int k) {
    if (fansubName(r.tokens.get(0))) {
      return false;
    }
    int numbers = 0;
    for (int j = k; j < r.tokens.size(); j++) {
      Token t = r.tokens.get(j);
      if (!t.bracketed() && !t.isDigits()
          || numbers == 0 && !t.isDigits() && !r.coveredByMatch(j)) {
        return false; // "[Ruri]No.6 01", "[Group][Title][01]": the title is elsewhere
      }
      if (t.isDigits() && !r.coveredByMatch(j)) {
        numbers++;
      }
    }
    return numbers == 1; // "[Grp]_009-1_-_02": numbers of a title and an episode
  }

  /** "ASF", "UTW": a group's short name in capitals. */
  private static boolean shortCapitals(Token t) {
    String x = t.text();
    return x.length() >= 2 && x.length() <= 4 && x.chars().allMatch(c -> c >= 'A' && c <= 'Z');
  }

  /**
   * "[FASubs & TTF]", "[HorribleSubs]", "[Zero-Raws]": a fansub group's name, whatever it holds.
   */
  private static boolean fansubName(Token t) {
    String lo = t.lower();
    return lo.length() > 4 && (lo.endsWith("subs") || lo.endsWith("raws") || lo.endsWith("fansub"));
  }
}
