package dev.reel.prewarm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The summary as JSON: snake_case names, latencies in microseconds, rates and ratios added. */
final class SummaryJson {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryJson() {}

  static String text(PrewarmSummary s) {
    ObjectNode root = JSON.createObjectNode();
    root.set("run", JSON.valueToTree(s.run()));
    root.put("elapsed_seconds", s.elapsedSeconds());
    root.put("interrupted", s.interrupted());
    root.put("requests_per_second", s.requestsPerSecond());
    root.put("bytes_per_second", s.bytesPerSecond());
    root.set("overall", group(s.overall()));
    ArrayNode ds = root.putArray("derivatives");
    s.derivatives().forEach(g -> ds.add(group(g)));
    ArrayNode cells = root.putArray("cells");
    s.cells().forEach(g -> cells.add(group(g)));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the summary: " + e.getMessage(), e);
    }
  }

  private static ObjectNode group(PrewarmSummary.Group g) {
    ObjectNode n = JSON.valueToTree(g);
    n.put("failed", g.failed());
    Double hit = g.hitRatio();
    if (hit == null) {
      n.putNull("hit_ratio");
    } else {
      n.put("hit_ratio", hit);
    }
    if (g.verified() > 0) {
      n.put("verify_hit_ratio", (double) g.verifiedHits() / g.verified());
    }
    return n;
  }
}
