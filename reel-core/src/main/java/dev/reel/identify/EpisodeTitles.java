package dev.reel.identify;

import dev.reel.identify.SegmentParser.Match;

/**
 * The title's and the episode title's text, once the numbers, tags and group are known: the title
 * before the first match (with the anime's kind words, "Show OVA - 01"), the episode title after
 * the last episode marker ("S08E16.Elements.Part.1.Skyhooks"), and specials after a year.
 */
final class EpisodeTitles {
  private final Resolver r;

  EpisodeTitles(Resolver r) {
    this.r = r;
  }

  /** Sets the title and the episode title. */
  void read() {
    int n = r.tokens.size();
    // a leading episode number means the title is the folder's; the rest is the episode title
    Match first = r.accepted.isEmpty() ? null : r.accepted.get(0);
    boolean leadingEpisode =
        first != null && first.from() == r.titleStart && Resolver.isEpisodic(first);
    if (leadingEpisode && r.leadingGroup && first.to() < n) {
      leadingEpisode = false; // "[Group] 06 Show Name (720p)": the number comes first
      r.titleStart = first.to();
      r.titleEnd = Math.max(r.titleEnd, r.nextCovered(r.titleStart, r.groupStart));
    }
    if (leadingEpisode) {
      int end = first.to();
      int next = r.nextCovered(end, r.groupStart);
      r.episodeTitle = r.titles.text(end, next);
    } else {
      r.title = r.titles.text(r.titleStart, Math.min(r.titleEnd, r.groupStart));
      boolean animeStyle =
          r.leadingGroup || EpisodeNumbers.crc(r.accepted) || r.segment.indexOf('_') >= 0;
      if (r.title != null && animeStyle && !ReleaseGroups.has(r.accepted, r.titleEnd, "season")) {
        r.title = r.titles.withKindWords(r.title, r.titleEnd, r.groupStart);
      }
      if (r.title == null && r.fileName) {
        int[] run = r.firstFreeRun(r.titleStart, r.groupStart);
        if (run != null) {
          r.title = r.titles.text(run[0], run[1]);
          r.titleEnd = run[1];
        }
      }
      Match lastEpisode = null;
      for (Match m : r.accepted) {
        if (Resolver.isEpisodic(m)) {
          lastEpisode = m;
        }
      }
      if (lastEpisode != null && lastEpisode.from() >= r.titleEnd) {
        int end = lastEpisode.to();
        int next = r.nextCovered(end, r.groupStart);
        Match part = partInsideTitle(end, next, r.groupStart);
        if (part != null) { // "S08E16.Elements.Part.1.Skyhooks": the part is the title's
          r.accepted.remove(part);
          for (int k = part.from(); k < part.to(); k++) {
            r.covered[k] = false;
          }
          next = r.nextCovered(end, r.groupStart);
        }
        Match special = Resolver.matchAt(r.accepted, next, "edition");
        if (special != null
            && (next > end || r.tokens.get(next).bracketed()) // "- 02.5.(Special)"
            && "Special".equals(special.value())
            && special.to() - special.from() == 1) { // "S06-Born Again Virgin Christmas Special"
          r.accepted.remove(special);
          r.accepted.add(
              new Match(special.from(), special.to(), "episode_details", "Special", false));
          next = special.to();
        }
        Match detail = Resolver.matchAt(r.accepted, next, "episode_details");
        if (detail != null
            && !"Final".equals(detail.value()) // "- 28 END": a flag, no title's word
            && detail.to() < r.groupStart
            && !r.covered[detail.to()]
            && !r.tokens.get(detail.to()).bracketed()) {
          next = r.nextCovered(detail.to(), r.groupStart); // "S01E01.Pilot.for.Air.720p"
        }
        boolean bracketAfter = // "Show - 01 [Baha]", "[Show][01][Ma10p_1080p]": tags, not a title
            end < n
                && r.tokens.get(end).bracketed()
                && (!r.tokens.get(end - 1).bracketed()
                    || r.tokens.get(end).before().indexOf('[') >= 0
                    || r.tokens.get(end).before().indexOf('(') >= 0);
        if (next > end && !bracketAfter) {
          // "Show - 01 [Baha][1080p]": a bracket after the number holds tags, not a title
          r.episodeTitle = r.titles.text(end, next);
        }
      }
    }
    if (r.episodeTitle == null && r.fileName) {
      for (Match m : r.accepted) { // "S01E01.Pilot.720p": the detail is also the episode's title
        if (m.property().equals("episode_details")
            && !"Final".equals(m.value())
            && m.from() > 0
            && r.covered[m.from() - 1]
            && r.accepted.stream().anyMatch(e -> Resolver.isEpisodic(e) && e.to() == m.from())) {
          r.episodeTitle = r.titles.text(m.from(), m.to());
        }
      }
    }
  }

  /** "Downton.Abbey.2013.Christmas.Special": after a year, a special episode and its title. */
  void specialsAfterYear() {
    int n = r.tokens.size();
    if (r.year < 0) {
      return;
    }
    // "Downton.Abbey.2013.Christmas.Special": a special episode, not an edition
    final int y = r.year;
    r.accepted.replaceAll(
        m ->
            m.property().equals("edition")
                    && "Special".equals(m.value())
                    && m.to() - m.from() == 1
                    && m.from() > y
                    && !beforeAnEdition(m.to()) // "1999.Special.Extended.Edition": a film's
                ? new Match(m.from(), m.to(), "episode_details", "Special", m.weak())
                : m);
    Match special = null;
    for (Match m : r.accepted) {
      if (m.property().equals("episode_details") && m.from() > y && "Special".equals(m.value())) {
        special = m;
        break;
      }
    }
    if (special != null && r.episodeTitle == null && r.title != null) {
      r.episodeTitle = r.titles.text(y + 1, special.to()); // "Christmas Special", "Special"
    }
    int free = y + 1;
    boolean specialWord = false;
    while (free < Math.min(n, r.groupStart)
        && !r.covered[free]
        && !r.tokens.get(free).bracketed()) {
      specialWord |= r.tokens.get(free).lower().equals("special");
      free++;
    }
    if (special == null
        && specialWord
        && r.episodeTitle == null
        && r.title != null
        && !Resolver.anyEpisodic(r.accepted)) {
      // "Doctor Who 2005 50th Anniversary Special The Day of the Doctor": a special episode
      r.episodeTitle = r.titles.text(y + 1, free);
      r.accepted.add(new Match(y + 1, free, "episode_details", "Special", false));
    }
  }

  private boolean beforeAnEdition(int k) {
    if (k >= r.tokens.size()) {
      return false;
    }
    String w = r.tokens.get(k).lower();
    return w.equals("edition") || w.equals("cut") || ReleaseGroups.has(r.accepted, k, "edition");
  }

  /**
   * A part number ("Part.1") that starts where the episode title's words stop and has more of them
   * after it: the words around it are one title.
   */
  private Match partInsideTitle(int titleFrom, int next, int limit) {
    if (next <= titleFrom || next >= limit) {
      return null;
    }
    for (Match m : r.accepted) {
      if (m.from() == next
          && m.property().equals("part")
          && m.to() < limit
          && !r.covered[m.to()]
          && !r.tokens.get(m.to()).bracketed()) {
        for (Match other : r.accepted) {
          if (other != m && other.from() < m.to() && other.to() > m.from()) {
            return null; // the tokens say more than the part
          }
        }
        return m;
      }
    }
    return null;
  }
}
