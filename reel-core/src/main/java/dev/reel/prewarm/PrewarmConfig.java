package dev.reel.prewarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings from a JSON config file ({@code --config}); options on the command line win. Every field
 * may be absent (null):
 *
 * <pre>{@code
 * {"base_url": "https://cdn.example.com", "url_format": "cdn-cgi", "origin": "https://origin",
 *  "derivatives": ["desktop", "hd=1280x720,quality=high",
 *                  {"name": "thumb", "width": 320, "height": 180, "params": {"fit": "cover"}}],
 *  "headers": ["X-Warm: 1"], "concurrency": 32, "rate": 100, "method": "get"}
 * }</pre>
 */
public record PrewarmConfig(
    String baseUrl,
    String urlFormat,
    String origin,
    List<Derivative> derivatives,
    List<String> headers,
    Integer concurrency,
    Double rate,
    String method) {
  private static final Set<String> KEYS =
      Set.of(
          "base_url",
          "url_format",
          "origin",
          "derivatives",
          "headers",
          "concurrency",
          "rate",
          "method");

  public static final PrewarmConfig NONE =
      new PrewarmConfig(null, null, null, null, null, null, null, null);

  /**
   * Reads a config file.
   *
   * @throws IllegalArgumentException naming the file and the bad entry
   */
  public static PrewarmConfig read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such config file");
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          file + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + ": a config file holds one JSON object");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException(
            file
                + ": unknown key \""
                + k
                + "\" (known: "
                + String.join(", ", KEYS.stream().sorted().toList())
                + ")");
      }
    }
    try {
      return new PrewarmConfig(
          text(root, "base_url"),
          text(root, "url_format"),
          text(root, "origin"),
          root.has("derivatives") ? derivatives(root.get("derivatives")) : null,
          root.has("headers") ? strings(root.get("headers")) : null,
          root.has("concurrency") ? root.get("concurrency").asInt() : null,
          root.has("rate") ? root.get("rate").asDouble() : null,
          text(root, "method"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static List<Derivative> derivatives(JsonNode n) {
    if (!n.isArray()) {
      throw new IllegalArgumentException("\"derivatives\" must be a list");
    }
    List<Derivative> out = new ArrayList<>();
    for (JsonNode d : n) {
      if (d.isTextual()) {
        out.add(Derivative.parse(d.asText()));
      } else if (d.isObject()) {
        Map<String, String> params = new LinkedHashMap<>();
        d.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        out.add(
            new Derivative(
                d.path("name").asText(""),
                d.path("width").asInt(0),
                d.path("height").asInt(0),
                params));
      } else {
        throw new IllegalArgumentException("a derivative is a spec string or an object, not " + d);
      }
    }
    return out;
  }
}
