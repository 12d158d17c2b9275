package dev.reel.lookup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers a name says, to hold a model's answer to them: a season, an episode or a year the
 * name does not have is one the model made up. Seasons and episodes the name marks ("S02", "2x05",
 * "E05", "Episode 5") must be the answer's; otherwise an answer's number must be one of the name's
 * numbers, or a part of a run like "205" (season 2, episode 5). Season 1 needs no number (a show
 * without seasons), season 0 a word for specials; a year needs no number when the name has none.
 */
final class NameNumbers {
  private static final Pattern RUN = Pattern.compile("\\d+");
  private static final Pattern SEASON =
      Pattern.compile(
          "(?i)(?:(?<![a-z])s|\\b(?:season|series|saison|staffel|temporada)[ ._-]*)(\\d{1,3})(?!\\d)");
  private static final Pattern CROSS =
      Pattern.compile("(?<![0-9a-z])(\\d{1,2})x(\\d{1,3})(?![0-9])");
  private static final Pattern EPISODE =
      Pattern.compile(
          "(?i)(?:(?<=\\d)e|(?<![a-z])e(?=\\d)|\\bep\\.?|\\bepisode)[ ._-]*(\\d{1,4})"
              + "(?:-e?(\\d{1,4}))?(?!\\d)");
  private static final Pattern SPECIAL =
      Pattern.compile("(?i)\\b(?:specials?|ova|oad|ona|extras?|bonus)\\b");

  private final Set<Integer> values = new HashSet<>();
  private final Set<List<Integer>> splits = new HashSet<>();
  private final Set<Integer> markedSeasons = new HashSet<>();
  private final List<int[]> markedEpisodes = new ArrayList<>();
  private final boolean special;
  private boolean hasYear;

  NameNumbers(String name) {
    Matcher m = RUN.matcher(name);
    while (m.find()) {
      String run = m.group();
      if (run.length() > 6) {
        continue;
      }
      int v = Integer.parseInt(run);
      values.add(v);
      hasYear |= run.length() == 4 && v >= 1900 && v <= 2099;
      if (run.length() == 3 || run.length() == 4) {
        int cut = run.length() - 2;
        splits.add(
            List.of(Integer.parseInt(run.substring(0, cut)), Integer.parseInt(run.substring(cut))));
      }
    }
    for (Matcher s = SEASON.matcher(name); s.find(); ) {
      markedSeasons.add(Integer.parseInt(s.group(1)));
    }
    for (Matcher c = CROSS.matcher(name); c.find(); ) {
      markedSeasons.add(Integer.parseInt(c.group(1)));
      int e = Integer.parseInt(c.group(2));
      markedEpisodes.add(new int[] {e, e});
    }
    for (Matcher e = EPISODE.matcher(name); e.find(); ) {
      int from = Integer.parseInt(e.group(1));
      int to = e.group(2) == null ? from : Integer.parseInt(e.group(2));
      markedEpisodes.add(new int[] {Math.min(from, to), Math.max(from, to)});
    }
    special = SPECIAL.matcher(name).find();
  }

  /** What in {@code a} the name contradicts, or empty when the name agrees with it. */
  Optional<String> contradiction(AiAnswer a) {
    if (a.year() != null && hasYear && !values.contains(a.year())) {
      return Optional.of("year " + a.year() + " is not the name's");
    }
    Integer season = a.season();
    if (season != null) {
      boolean ok;
      if (!markedSeasons.isEmpty()) {
        ok = markedSeasons.contains(season);
      } else {
        ok =
            season == 1
                || (season == 0 ? special || values.contains(0) : values.contains(season))
                || splits.stream().anyMatch(p -> p.get(0).equals(season));
      }
      if (!ok) {
        return Optional.of("season " + season + " is not in the name");
      }
    }
    List<Integer> eps = a.episodes();
    for (int i = 0; i < eps.size(); i++) {
      int e = eps.get(i);
      boolean ok;
      if (!markedEpisodes.isEmpty()) {
        ok = markedEpisodes.stream().anyMatch(r -> e >= r[0] && e <= r[1]);
      } else {
        ok =
            values.contains(e)
                || splits.contains(List.of(season == null ? 1 : season, e))
                || inRange(eps, i);
      }
      if (!ok) {
        return Optional.of(String.format(Locale.ROOT, "episode %d is not in the name", e));
      }
    }
    return Optional.empty();
  }

  /** An episode inside a run of consecutive ones whose first and last the name has ("01-03"). */
  private boolean inRange(List<Integer> eps, int i) {
    int first = eps.get(0);
    int last = eps.get(eps.size() - 1);
    for (int k = 1; k < eps.size(); k++) {
      if (eps.get(k) != eps.get(k - 1) + 1) {
        return false;
      }
    }
    return i > 0 && i < eps.size() - 1 && values.contains(first) && values.contains(last);
  }
}
