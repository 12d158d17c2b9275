package dev.reel.organize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a reviewed plan back for {@code --apply --plan FILE}: the JSON document of {@code --report
 * plan.json}, or the JSON lines of {@code --json}. The whole file is checked before anything moves:
 * every entry well-formed, paths absolute without '..', no target twice, no target that is also a
 * source.
 */
public final class PlanFile {
  private PlanFile() {}

  /**
   * @param library the library named on the command line, or null to take the document's
   */
  public static Plan read(Path file, Path library) throws IOException {
    String text = Files.readString(file);
    List<PlannedAction> actions = new ArrayList<>();
    Path lib = library;
    Verb action = null;
    String trimmed = text.strip();
    JsonNode doc = null;
    if (trimmed.startsWith("{") && !trimmed.contains("\n{")) {
      doc = parse(trimmed, file + "");
    }
    if (doc != null && doc.has("reel_plan")) {
      if (doc.get("reel_plan").asInt() != PlanJson.FORMAT) {
        throw new IllegalArgumentException(
            file
                + " is a plan of format "
                + doc.get("reel_plan")
                + "; this reel reads "
                + PlanJson.FORMAT);
      }
      if (lib == null && doc.hasNonNull("library")) {
        lib = Path.of(doc.get("library").asText());
      }
      if (doc.hasNonNull("action")) {
        action = Verb.of(doc.get("action").asText());
      }
      JsonNode list = doc.get("actions");
      if (list == null || !list.isArray()) {
        throw new IllegalArgumentException(file + ": 'actions' is missing or not a list");
      }
      for (int i = 0; i < list.size(); i++) {
        actions.add(PlanJson.read(list.get(i), file + ", action " + (i + 1)));
      }
    } else {
      int n = 0;
      for (String line : text.split("\n", -1)) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        actions.add(PlanJson.read(parse(line, file + ":" + n), file + ":" + n));
      }
    }
    if (lib == null) {
      throw new IllegalArgumentException(file + " does not say its library: give --into DIR");
    }
    lib = lib.toAbsolutePath().normalize();
    if (actions.stream().noneMatch(PlannedAction::acts)) {
      throw new IllegalArgumentException(file + " has no action that changes anything");
    }
    Set<Path> targets = new HashSet<>();
    for (PlannedAction a : actions) {
      if (a.acts()) {
        if (!targets.add(a.target())) {
          throw new IllegalArgumentException(file + ": two actions have the target " + a.target());
        }
        if (targets.contains(a.source())) {
          throw new IllegalArgumentException(
              file + ": " + a.source() + " is both a source and a target");
        }
      }
    }
    Verb v =
        action != null
            ? action
            : actions.stream().filter(PlannedAction::acts).findFirst().orElseThrow().verb();
    return new Plan(lib, v, actions);
  }

  private static JsonNode parse(String text, String where) {
    try {
      return PlanJson.JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          where + " is not a plan (JSON: " + e.getOriginalMessage() + ")");
    }
  }
}
