package dev.reel.organize;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The plan for a terminal: one line per file, {@code kind source -> target}, paths shown below the
 * library (targets) and as given (sources), then the counts per kind. Control characters in names
 * are shown escaped so a name with a newline cannot forge a line.
 */
public final class PlanTable {
  private PlanTable() {}

  public static void print(Plan plan, PrintStream out) {
    for (PlannedAction a : plan.actions()) {
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, "%-10s ", a.kind().label()));
      b.append(shown(a.source().toString()));
      if (a.target() != null) {
        b.append(" -> ").append(shown(relative(plan.library(), a.target())));
      }
      if (!a.detail().isEmpty()) {
        b.append("  (").append(shown(a.detail())).append(')');
      }
      out.println(b);
    }
    StringBuilder c = new StringBuilder();
    plan.counts()
        .forEach(
            (k, n) ->
                c.append(c.isEmpty() ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%,d %s", n, k.label())));
    out.println(
        String.format(
            Locale.ROOT,
            "plan: %s; %,d to %s into %s",
            c.isEmpty() ? "nothing found" : c,
            plan.acting(),
            plan.action().label(),
            shown(plan.library().toString())));
  }

  private static String relative(Path library, Path target) {
    return target.startsWith(library) ? library.relativize(target).toString() : target.toString();
  }

  /** A name with control characters escaped (\n, \t, \\x1b). */
  static String shown(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c == '\n') {
        b.append("\\n");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (c < 0x20 || c == 0x7f) {
        b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
