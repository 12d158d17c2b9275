package dev.reel.prewarm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a results file line by line: header lines and result lines. A line that is not a valid
 * result (a line cut short by a crash, say) is reported with its number and skipped.
 */
final class ResultsReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Receives what the file holds. */
  interface Visitor {
    void header(RunHeader header);

    void result(RequestResult result);

    void problem(String message);
  }

  private ResultsReader() {}

  static void read(Path file, Visitor visitor) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such results file");
    }
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int lineNo = 0;
      boolean any = false;
      for (String line; (line = r.readLine()) != null; ) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode n;
        try {
          n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
          visitor.problem(file + ":" + lineNo + ": not a JSON line (cut short?), skipped");
          continue;
        }
        if (n == null || !n.isObject()) {
          visitor.problem(file + ":" + lineNo + ": not a JSON object, skipped");
          continue;
        }
        if (n.has(ResultsWriter.HEADER_KEY)) {
          any = true;
          visitor.header(header(n));
          continue;
        }
        if (!any) {
          throw new IOException(file + " is not a reel prewarm results file (no header line)");
        }
        try {
          visitor.result(result(n));
        } catch (IllegalArgumentException | NullPointerException e) {
          visitor.problem(
              file + ":" + lineNo + ": not a result line (" + e.getMessage() + "), skipped");
        }
      }
      if (!any) {
        throw new IOException(file + " is not a reel prewarm results file (it is empty)");
      }
    }
  }

  private static RunHeader header(JsonNode n) {
    List<String> ds = new ArrayList<>();
    n.path("derivatives").forEach(d -> ds.add(d.asText()));
    return new RunHeader(
        text(n, "started"),
        text(n, "base_url"),
        n.path("url_format").asText(""),
        text(n, "origin"),
        n.path("method").asText("get"),
        ds);
  }

  private static RequestResult result(JsonNode n) {
    String error = text(n, "error");
    return new RequestResult(
        required(n, "object"),
        n.path("size").asLong(-1),
        SizeCategory.fromLabel(n.path("category").asText("unknown")),
        required(n, "derivative"),
        text(n, "url"),
        n.path("status").asInt(0),
        micros(n.get("ttfb_ms")),
        micros(n.get("total_ms")),
        n.path("bytes").asLong(0),
        n.path("derivative_size").asLong(-1),
        n.path("cache").asText("none"),
        n.path("attempts").asInt(1),
        error == null ? null : ErrorClass.fromLabel(error),
        text(n, "message"),
        text(n, "verify_cache"),
        n.path("redirects").asInt(0),
        text(n, "final_url"),
        n.has("t") ? Math.round(n.get("t").asDouble() * 1000) : -1);
  }

  private static String required(JsonNode n, String field) {
    String v = text(n, field);
    if (v == null) {
      throw new IllegalArgumentException("no \"" + field + "\"");
    }
    return v;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static long micros(JsonNode ms) {
    if (ms == null || ms.isNull()) {
      return -1;
    }
    return Math.round(ms.asDouble() * 1000);
  }
}
