package dev.reel.highlights;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code reel highlights --levels}: each file's level distribution in RMS and in momentary LUFS,
 * with the three suggested thresholds of each, as text or one JSON object per file.
 */
public final class LevelsReport {
  private LevelsReport() {}

  /** Prints the report; returns 1 when a file could not be analysed, else 0. */
  public static int print(
      HighlightsRequest r,
      LoudnessAnalyzer analyzer,
      boolean json,
      PrintStream out,
      PrintStream err) {
    ObjectMapper m = new ObjectMapper();
    int failed = 0;
    for (Path p : r.inputs()) {
      LoudnessAnalyzer.Outcome o =
          analyzer.analyse(p, r.window(), LoudnessMeasure.RMS, () -> false);
      LoudnessAnalyzer.Outcome lufs =
          o instanceof LoudnessAnalyzer.Outcome.Analysed
              ? analyzer.analyse(p, r.window(), LoudnessMeasure.LUFS, () -> false)
              : o;
      if (!(o instanceof LoudnessAnalyzer.Outcome.Analysed a)) {
        err.println(
            "reel highlights: "
                + p
                + ": "
                + (o instanceof LoudnessAnalyzer.Outcome.NoAudio
                    ? "no audio stream"
                    : o instanceof LoudnessAnalyzer.Outcome.Failed f ? f.error() : "stopped"));
        failed++;
        continue;
      }
      LevelProfile.Stats s = a.profile().stats();
      LevelProfile.Stats l =
          lufs instanceof LoudnessAnalyzer.Outcome.Analysed la ? la.profile().stats() : null;
      if (json) {
        ObjectNode n = m.createObjectNode();
        n.put("file", p.toString());
        n.put("duration_seconds", a.profile().durationSeconds());
        n.put("windows", s.windows());
        n.put("mean_db", s.meanDb());
        n.put("p10_db", s.p10());
        n.put("p50_db", s.p50());
        n.put("p90_db", s.p90());
        n.put("p95_db", s.p95());
        n.put("p99_db", s.p99());
        n.put("max_db", s.maxDb());
        n.put("conservative_db", s.conservative());
        n.put("balanced_db", s.balanced());
        n.put("aggressive_db", s.aggressive());
        if (l != null) {
          ObjectNode x = n.putObject("lufs");
          x.put("mean", l.meanDb());
          x.put("p50", l.p50());
          x.put("p95", l.p95());
          x.put("max", l.maxDb());
          x.put("conservative", l.conservative());
          x.put("balanced", l.balanced());
          x.put("aggressive", l.aggressive());
        }
        out.println(n);
      } else {
        out.printf(
            Locale.ROOT,
            "%s: %d windows of %.0f ms%n  mean %.1f dB, p10 %.1f, median %.1f, p90 %.1f, p95 %.1f, p99 %.1f, max %.1f%n"
                + "  thresholds: conservative %.1f, balanced %.1f (auto), aggressive %.1f%n",
            p,
            s.windows(),
            a.profile().windowSeconds() * 1000,
            s.meanDb(),
            s.p10(),
            s.p50(),
            s.p90(),
            s.p95(),
            s.p99(),
            s.maxDb(),
            s.conservative(),
            s.balanced(),
            s.aggressive());
      }
    }
    return failed > 0 ? 1 : 0;
  }
}
