package dev.reel.identify;

import dev.reel.identify.SegmentParser.Match;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides, from the matches of one segment, where the title ends, which weak matches count, which
 * number is the year, and what the episode title and release group are.
 */
final class Resolver {
  private final String segment;
  private final List<Token> tokens;
  private final List<Match> matches;
  private final boolean fileName;
  private final boolean[] covered;

  Resolver(String segment, List<Token> tokens, List<Match> matches, boolean fileName) {
    this.segment = segment;
    this.tokens = tokens;
    this.matches = new ArrayList<>(matches);
    this.fileName = fileName;
    this.covered = new boolean[tokens.size()];
  }

  SegmentParse resolve() {
    int n = tokens.size();
    int titleStart = 0;
    String group = null;
    // "[Group] Show - 01 [720p]": a leading bracket holds the release group
    if (n > 0 && segment.stripLeading().startsWith("[") && tokens.get(0).bracketed()) {
      int k = 0;
      while (k < n && tokens.get(k).bracketed() && !tokens.get(k).before().contains("]")) {
        k++;
      }
      if (k < n && !anyMatchIn(0, k)) {
        group = segment.substring(tokens.get(0).start(), tokens.get(k - 1).end());
        titleStart = k;
      }
    }
    int strongStart = n;
    for (Match m : matches) {
      if (!m.weak() && m.from() >= titleStart) {
        strongStart = Math.min(strongStart, m.from());
      }
    }
    int year = chooseYear(titleStart, strongStart);
    int titleEnd = year >= 0 ? Math.min(strongStart, year) : strongStart;
    List<Match> accepted = new ArrayList<>();
    for (Match m : matches) {
      if (!m.weak()) {
        accepted.add(m);
      }
    }
    if (year >= 0) {
      accepted.add(
          new Match(year, year + 1, "year", Integer.parseInt(tokens.get(year).text()), false));
    }
    markCovered(accepted);
    acceptWeak(accepted, titleEnd);
    boolean hasEpisode =
        has(accepted, "episode") || has(accepted, "season") || has(accepted, "date");
    // Anime and numbered files: "Show - 147", "03 - Episode Name"
    if (!hasEpisode && fileName) {
      int number = numberedEpisode(titleStart, titleEnd);
      if (number >= 0) {
        accepted.add(
            new Match(
                number, number + 1, "episode", Integer.parseInt(tokens.get(number).text()), false));
        covered[number] = true;
        if (number > titleStart) {
          titleEnd = Math.min(titleEnd, number);
        }
        hasEpisode = true;
      }
    }
    accepted.sort((a, b) -> Integer.compare(a.from(), b.from()));
    int groupStart = n;
    if (fileName && group == null) {
      groupStart = releaseGroupStart(titleEnd);
      if (groupStart < n) {
        group = cleanGroup(segment.substring(tokens.get(groupStart).start()));
      }
    }
    // a leading episode number means the title is the folder's; the rest is the episode title
    Match first = accepted.isEmpty() ? null : accepted.get(0);
    boolean leadingEpisode = first != null && first.from() == titleStart && isEpisodic(first);
    String title = null;
    String episodeTitle = null;
    if (leadingEpisode) {
      int end = first.to();
      int next = nextCovered(end, groupStart);
      episodeTitle = text(end, next);
    } else {
      title = text(titleStart, Math.min(titleEnd, groupStart));
      Match lastEpisode = null;
      for (Match m : accepted) {
        if (isEpisodic(m)) {
          lastEpisode = m;
        }
      }
      if (lastEpisode != null && fileName && lastEpisode.from() >= titleEnd) {
        int end = lastEpisode.to();
        int next = nextCovered(end, groupStart);
        if (next > end) {
          episodeTitle = text(end, next);
        }
      }
    }
    Map<String, Object> props = collect(accepted);
    if (title != null) {
      title = countryFromTitle(title, props);
    }
    return new SegmentParse(
        props, emptyToNull(title), emptyToNull(episodeTitle), emptyToNull(group));
  }

  private static boolean isEpisodic(Match m) {
    return m.property().equals("episode")
        || m.property().equals("season")
        || m.property().equals("date");
  }

  private boolean anyMatchIn(int from, int to) {
    for (Match m : matches) {
      if (m.from() < to && m.to() > from && !m.property().equals("crc32")) {
        return true;
      }
    }
    return false;
  }

  private static boolean has(List<Match> ms, String property) {
    for (Match m : ms) {
      if (m.property().equals(property)) {
        return true;
      }
    }
    return false;
  }

  private void markCovered(List<Match> ms) {
    for (Match m : ms) {
      for (int k = m.from(); k < m.to(); k++) {
        covered[k] = true;
      }
    }
  }

  /** Weak matches count after the title when they touch an accepted match. */
  private void acceptWeak(List<Match> accepted, int titleEnd) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Match m : matches) {
        if (!m.weak() || accepted.contains(m) || m.from() < titleEnd) {
          continue;
        }
        boolean touches =
            (m.from() > 0 && covered[m.from() - 1]) || (m.to() < covered.length && covered[m.to()]);
        if (touches || titleEnd < tokens.size() && m.from() == titleEnd && titleEnd > 0) {
          for (Match same : matches) {
            if (same.from() == m.from() && same.to() == m.to() && !accepted.contains(same)) {
              accepted.add(same);
            }
          }
          for (int k = m.from(); k < m.to(); k++) {
            covered[k] = true;
          }
          changed = true;
        }
      }
    }
  }

  /** The token that is the year: the last 4-digit year before the first strong match. */
  private int chooseYear(int titleStart, int strongStart) {
    int best = -1;
    for (int i = titleStart; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.isDigits() || t.text().length() != 4 || coveredByMatch(i)) {
        continue;
      }
      int y = Integer.parseInt(t.text());
      if (y < 1920 || y > 2039) {
        continue;
      }
      if (i < strongStart || t.bracketed() && best < 0) {
        if (i == titleStart && !(t.bracketed())) {
          if (!fileName || i + 1 >= strongStart) {
            // a name that is only a year ("1917") keeps it as its title, unless it is a folder
            if (fileName || strongStart == i + 1 && tokens.size() == i + 1) {
              continue;
            }
          } else {
            continue;
          }
        }
        best = i;
      }
    }
    return best;
  }

  private boolean coveredByMatch(int i) {
    for (Match m : matches) {
      if (m.from() <= i && i < m.to()) {
        return true;
      }
    }
    return false;
  }

  private int numberedEpisode(int titleStart, int titleEnd) {
    int limit = Math.min(titleEnd, tokens.size());
    for (int i = titleStart; i < limit; i++) {
      Token t = tokens.get(i);
      if (!t.isDigits() || t.text().length() > 4 || covered[i] || t.bracketed()) {
        continue;
      }
      boolean dashed = t.before().contains("-") || t.before().contains("#");
      boolean leading = i == titleStart && i + 1 < tokens.size() && t.text().length() <= 3;
      if (dashed && i > titleStart || leading) {
        return i;
      }
    }
    return -1;
  }

  /** Where the release group starts: after the last dash, on tokens no match covers. */
  private int releaseGroupStart(int titleEnd) {
    int n = tokens.size();
    for (int i = n - 1; i > 0 && i >= titleEnd; i--) {
      Token t = tokens.get(i);
      if (covered[i]) {
        return n;
      }
      if (t.before().contains("-") && !t.bracketed()) {
        int lastCovered = -1;
        for (int k = 0; k < i; k++) {
          if (covered[k]) {
            lastCovered = k;
          }
        }
        return lastCovered >= 0 ? i : n;
      }
    }
    return n;
  }

  private static String cleanGroup(String g) {
    String s = g.strip();
    while (!s.isEmpty() && "-._ ".indexOf(s.charAt(s.length() - 1)) >= 0) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private int nextCovered(int from, int limit) {
    int i = from;
    while (i < limit && i < covered.length && !covered[i]) {
      i++;
    }
    return Math.min(i, limit);
  }

  /** The segment's text over tokens [from, to), with dots and underscores as spaces. */
  private String text(int from, int to) {
    if (from >= to || from >= tokens.size()) {
      return null;
    }
    String raw = segment.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    StringBuilder sb = new StringBuilder(raw.length());
    for (int k = 0; k < raw.length(); k++) {
      char c = raw.charAt(k);
      boolean dotInAcronym =
          c == '.'
              && k > 0
              && k + 2 < raw.length()
              && raw.charAt(k + 2) == '.'
              && Character.isLetter(raw.charAt(k + 1))
              && Character.isLetter(raw.charAt(k - 1))
              && Character.isUpperCase(raw.charAt(k + 1));
      sb.append((c == '.' && !dotInAcronym) || c == '_' ? ' ' : c);
    }
    String s = sb.toString().replaceAll("\\s+", " ").strip();
    s = s.replaceAll("^[\\-\\[\\(\\s]+|[\\-\\[\\(\\s]+$", "");
    return s;
  }

  private String countryFromTitle(String title, Map<String, Object> props) {
    int space = title.lastIndexOf(' ');
    if (space < 0) {
      return title;
    }
    String last = title.substring(space + 1);
    String bare = last.replaceAll("[()]", "");
    boolean upper = bare.equals(bare.toUpperCase(Locale.ROOT)) && bare.length() == 2;
    String country = Languages.country(bare.toLowerCase(Locale.ROOT));
    if (country != null && upper) {
      props.put("country", country);
      return title.substring(0, space).strip();
    }
    return title;
  }

  private static Map<String, Object> collect(List<Match> accepted) {
    Map<String, Object> props = new LinkedHashMap<>();
    for (Match m : accepted) {
      Object existing = props.get(m.property());
      if (m.property().equals("proper_count")) {
        props.put(
            "proper_count",
            existing == null ? m.value() : (Integer) existing + (Integer) m.value());
        continue;
      }
      if (existing == null) {
        props.put(m.property(), m.value());
      } else if (!existing.equals(m.value())) {
        List<Object> values = new ArrayList<>();
        if (existing instanceof List<?> l) {
          values.addAll(l);
        } else {
          values.add(existing);
        }
        if (m.value() instanceof List<?> l) {
          for (Object v : l) {
            if (!values.contains(v)) {
              values.add(v);
            }
          }
        } else if (!values.contains(m.value())) {
          values.add(m.value());
        }
        props.put(m.property(), values);
      }
    }
    return props;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
