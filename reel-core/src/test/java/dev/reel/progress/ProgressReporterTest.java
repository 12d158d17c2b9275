package dev.reel.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
  private final AtomicLong clock = new AtomicLong();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void jsonEventsHaveOneSchemaForStartProgressPhaseAndEnd() {
    ProgressModel model = new ProgressModel("prewarm", "requests", clock::get);
    model.extras(() -> Map.of("p95_ms", 12.5));
    ProgressReporter r = new ProgressReporter(model, new JsonProgressEvents(err));
    r.begin();
    model.addTotal(50);
    for (int i = 0; i < 36; i++) {
      model.ok();
    }
    model.failed();
    model.skipped();
    model.skipped();
    model.skipped();
    model.skipped();
    model.total(100);
    clock.set(2_000_000_000L);
    r.tick();
    model.phase("stopping");
    clock.set(4_000_000_000L);
    r.tick();
    r.end(true);
    r.end(true); // idempotent
    List<JsonNode> events = events();
    assertThat(events)
        .extracting(e -> e.get("event").asText())
        .containsExactly("start", "progress", "phase", "progress", "end");
    for (JsonNode e : events) {
      assertThat(fieldNames(e))
          .startsWith(
              "event",
              "job",
              "unit",
              "phase",
              "done",
              "failed",
              "skipped",
              "total",
              "total_known",
              "rate",
              "eta_seconds",
              "elapsed_seconds",
              "p95_ms");
      assertThat(e.get("job").asText()).isEqualTo("prewarm");
    }
    assertThat(events.get(0).get("total").isNull()).isTrue();
    JsonNode first = events.get(1);
    assertThat(first.get("done").asLong()).isEqualTo(41);
    assertThat(first.get("failed").asLong()).isEqualTo(1);
    assertThat(first.get("skipped").asLong()).isEqualTo(4);
    assertThat(first.get("total").asLong()).isEqualTo(100);
    assertThat(first.get("rate").asDouble()).isEqualTo(20.5);
    assertThat(first.get("eta_seconds").asDouble()).isEqualTo(2.9);
    assertThat(first.get("p95_ms").asDouble()).isEqualTo(12.5);
    assertThat(events.get(2).get("phase").asText()).isEqualTo("stopping");
    JsonNode end = events.get(4);
    assertThat(end.get("stopped").asBoolean()).isTrue();
    assertThat(end.get("elapsed_seconds").asDouble()).isEqualTo(4.0);
  }

  @Test
  void plainLinesShowCountsRateAndAGrowingTotal() {
    ProgressModel model = new ProgressModel("probe", "files", clock::get);
    ProgressReporter r = new ProgressReporter(model, new PlainProgressLines(err));
    r.begin();
    model.addTotal(1200);
    for (int i = 0; i < 1000; i++) {
      model.ok();
    }
    model.failed();
    clock.set(1_000_000_000L);
    r.tick();
    model.totalComplete();
    clock.set(2_000_000_000L);
    r.tick();
    r.close();
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList())
        .containsExactly(
            "probe: 1,001/1,200+ files (1 failed, 0 skipped), 1,001 files/s",
            "probe: 1,001/1,200 files (1 failed, 0 skipped), 501 files/s, eta 0.4s");
  }

  private List<JsonNode> events() {
    ObjectMapper json = new ObjectMapper();
    return bytes.toString(StandardCharsets.UTF_8).lines().map(l -> read(json, l)).toList();
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode read(ObjectMapper json, String line) {
    try {
      return json.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
