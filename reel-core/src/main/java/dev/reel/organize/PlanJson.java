package dev.reel.organize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Plans as JSON: one object per action ({@code --json}, one per line) and the whole plan as one
 * document ({@code --report plan.json}), which {@code --apply --plan} reads back through {@link
 * PlanFile}.
 */
public final class PlanJson {
  /** The format of plan documents; bumped when a field changes meaning. */
  public static final int FORMAT = 1;

  static final ObjectMapper JSON = new ObjectMapper();

  private PlanJson() {}

  /** One action as a JSON object. */
  public static ObjectNode action(PlannedAction a) {
    ObjectNode o = JSON.createObjectNode();
    o.put("kind", a.kind().label());
    o.put("action", a.verb().label());
    o.put("source", a.source().toString());
    if (a.target() == null) {
      o.putNull("target");
    } else {
      o.put("target", a.target().toString());
    }
    o.put("size_bytes", a.sizeBytes());
    o.put("modified", a.modified().toString());
    o.put("group", a.group());
    o.put("detail", a.detail());
    return o;
  }

  /** The whole plan as one document. */
  public static ObjectNode document(Plan plan) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("reel_plan", FORMAT);
    doc.put("library", plan.library().toString());
    doc.put("action", plan.action().label());
    ObjectNode counts = doc.putObject("counts");
    for (Map.Entry<ActionKind, Long> e : plan.counts().entrySet()) {
      counts.put(e.getKey().label(), e.getValue());
    }
    ArrayNode actions = doc.putArray("actions");
    for (PlannedAction a : plan.actions()) {
      actions.add(action(a));
    }
    return doc;
  }

  /** Reads one action back; a missing or malformed field is an {@code IllegalArgumentException}. */
  static PlannedAction read(JsonNode o, String where) {
    if (!o.isObject()) {
      throw new IllegalArgumentException(where + ": not a JSON object");
    }
    ActionKind kind = ActionKind.of(text(o, "kind", where));
    Verb verb = Verb.of(text(o, "action", where));
    Path source = absolute(text(o, "source", where), "source", where);
    Path target =
        o.hasNonNull("target") ? absolute(text(o, "target", where), "target", where) : null;
    JsonNode size = o.get("size_bytes");
    if (size == null || !size.canConvertToLong() || size.asLong() < 0) {
      throw new IllegalArgumentException(where + ": size_bytes must be a number of bytes");
    }
    Instant modified;
    try {
      modified = Instant.parse(text(o, "modified", where));
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          where + ": modified must be a time like 2024-03-14T10:00:00Z");
    }
    String group = o.hasNonNull("group") ? o.get("group").asText() : "";
    String detail = o.hasNonNull("detail") ? o.get("detail").asText() : "";
    try {
      return new PlannedAction(kind, verb, source, target, size.asLong(), modified, group, detail);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage());
    }
  }

  private static String text(JsonNode o, String field, String where) {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new IllegalArgumentException(where + ": '" + field + "' is missing or not text");
    }
    return v.asText();
  }

  private static Path absolute(String p, String field, String where) {
    Path path;
    try {
      path = Path.of(p);
    } catch (java.nio.file.InvalidPathException e) {
      throw new IllegalArgumentException(where + ": " + field + " is not a path: " + p);
    }
    if (!path.isAbsolute() || !path.normalize().equals(path)) {
      throw new IllegalArgumentException(
          where + ": " + field + " must be an absolute path without '..': " + p);
    }
    return path;
  }
}
