package dev.reel.organize;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.reel.files.AtomicWrite;
import dev.reel.html.Html;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a plan to a file for review, in the format its extension names: {@code .json} (the
 * document {@code --apply --plan} reads), {@code .csv}, {@code .md} or {@code .html} (grouped by
 * show and movie, with counts and the files left alone last).
 */
public final class PlanReport {
  private PlanReport() {}

  /** The formats by extension. */
  public static final List<String> EXTENSIONS = List.of("json", "csv", "md", "html");

  /** Checks a report path before any work is done. */
  public static void check(Path file) {
    String ext = extension(file);
    if (!EXTENSIONS.contains(ext)) {
      throw new IllegalArgumentException(
          "report " + file + ": the name must end in .json, .csv, .md or .html");
    }
  }

  public static void write(Plan plan, Path file) throws IOException {
    String text =
        switch (extension(file)) {
          case "json" -> json(plan);
          case "csv" -> csv(plan);
          case "md" -> markdown(plan);
          case "html" -> html(plan);
          default -> throw new IllegalArgumentException("report " + file + ": unknown format");
        };
    AtomicWrite.text(file, text);
  }

  private static String extension(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  static String json(Plan plan) {
    try {
      return PlanJson.JSON
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(PlanJson.document(plan))
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String csv(Plan plan) {
    StringBuilder b = new StringBuilder("kind,action,source,target,size_bytes,group,detail\n");
    for (PlannedAction a : plan.actions()) {
      b.append(
              String.join(
                  ",",
                  a.kind().label(),
                  a.verb().label(),
                  cell(a.source().toString()),
                  cell(a.target() == null ? "" : a.target().toString()),
                  Long.toString(a.sizeBytes()),
                  cell(a.group()),
                  cell(a.detail())))
          .append('\n');
    }
    return b.toString();
  }

  private static String cell(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  static String markdown(Plan plan) {
    StringBuilder b = new StringBuilder("# reel organize plan\n\n");
    b.append("Library: `")
        .append(plan.library())
        .append("`, action: ")
        .append(plan.action().label())
        .append("\n\n");
    b.append("| kind | count |\n|---|---|\n");
    plan.counts()
        .forEach((k, n) -> b.append("| ").append(k.label()).append(" | ").append(n).append(" |\n"));
    b.append("\n| kind | action | source | target | detail |\n|---|---|---|---|---|\n");
    for (PlannedAction a : plan.actions()) {
      b.append("| ")
          .append(a.kind().label())
          .append(" | ")
          .append(a.verb().label())
          .append(" | ")
          .append(md(a.source().toString()))
          .append(" | ")
          .append(a.target() == null ? "" : md(plan.library().relativize(a.target()).toString()))
          .append(" | ")
          .append(md(a.detail()))
          .append(" |\n");
    }
    return b.toString();
  }

  private static String md(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("\r", " ");
  }

  static String html(Plan plan) {
    Map<String, List<PlannedAction>> groups = new LinkedHashMap<>();
    List<PlannedAction> staying = new ArrayList<>();
    for (PlannedAction a : plan.actions()) {
      if (a.acts() && a.kind() != ActionKind.DUPLICATE && a.kind() != ActionKind.UNPLAYABLE) {
        groups
            .computeIfAbsent(a.group().isEmpty() ? "(no title)" : a.group(), k -> new ArrayList<>())
            .add(a);
      } else {
        staying.add(a);
      }
    }
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>reel organize plan</title><style>")
        .append(
            "body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse;width:100%}")
        .append(
            "td,th{border-bottom:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}")
        .append("details{margin:.3em 0}summary{cursor:pointer;font-weight:600}.k{color:#555}")
        .append("</style></head><body>\n<h1>reel organize plan</h1>\n<p>Library <code>")
        .append(Html.escape(plan.library().toString()))
        .append("</code>, action <b>")
        .append(plan.action().label())
        .append("</b></p>\n<table id=\"counts\"><tr><th>kind</th><th>files</th></tr>\n");
    plan.counts()
        .forEach(
            (k, n) ->
                b.append("<tr><td>")
                    .append(k.label())
                    .append("</td><td>")
                    .append(n)
                    .append("</td></tr>\n"));
    b.append("</table>\n<h2>Into the library (")
        .append(groups.size())
        .append(" shows and movies)</h2>\n");
    for (Map.Entry<String, List<PlannedAction>> g : groups.entrySet()) {
      b.append("<details class=\"group\"><summary>")
          .append(Html.escape(g.getKey()))
          .append(" <span class=\"k\">(")
          .append(g.getValue().size())
          .append(")</span></summary><table>\n");
      for (PlannedAction a : g.getValue()) {
        row(b, plan, a);
      }
      b.append("</table></details>\n");
    }
    b.append("<h2>Duplicates, unplayable and files left alone (")
        .append(staying.size())
        .append(")</h2>\n<table id=\"others\">\n");
    for (PlannedAction a : staying) {
      row(b, plan, a);
    }
    b.append("</table>\n</body></html>\n");
    return b.toString();
  }

  private static void row(StringBuilder b, Plan plan, PlannedAction a) {
    b.append("<tr><td>")
        .append(a.kind().label())
        .append("</td><td>")
        .append(Html.escape(a.source().toString()))
        .append("</td><td>")
        .append(a.target() == null ? "" : Html.escape(a.target().toString()))
        .append("</td><td>")
        .append(Html.escape(a.detail()))
        .append("</td></tr>\n");
  }
}
