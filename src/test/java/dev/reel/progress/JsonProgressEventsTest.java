package dev.reel.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JsonProgressEventsTest {
  @Test
  void emitsStartThrottledProgressAndEndAsJsonLines() throws Exception {
    AtomicLong clock = new AtomicLong();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    JsonProgressEvents p =
        new JsonProgressEvents(
            "probe",
            "files",
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            clock::get,
            1_000_000_000L);
    p.start(100);
    clock.set(500_000_000L);
    p.advance(10, 0); // too soon
    clock.set(2_000_000_000L);
    p.advance(40, 2);
    clock.set(4_000_000_000L);
    p.advance(100, 2);
    p.close();
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> events =
        bytes.toString(StandardCharsets.UTF_8).lines().map(l -> read(json, l)).toList();
    assertThat(events)
        .extracting(e -> e.get("event").asText())
        .containsExactly("start", "progress", "progress", "end");
    assertThat(events.get(0).get("total").asLong()).isEqualTo(100);
    JsonNode first = events.get(1);
    assertThat(first.get("done").asLong()).isEqualTo(40);
    assertThat(first.get("failed").asLong()).isEqualTo(2);
    assertThat(first.get("rate").asDouble()).isEqualTo(20.0);
    assertThat(first.get("eta_seconds").asDouble()).isEqualTo(3.0);
    assertThat(events.get(3).get("elapsed_seconds").asDouble()).isEqualTo(4.0);
  }

  private static JsonNode read(ObjectMapper json, String line) {
    try {
      return json.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
