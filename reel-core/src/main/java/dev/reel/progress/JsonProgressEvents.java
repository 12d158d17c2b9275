package dev.reel.progress;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.util.Map;

/**
 * Progress as JSON lines for other programs, one schema for every job (documented in the README):
 *
 * <pre>
 * {"event":"start","job":"probe","unit":"files","phase":"probe","done":0,"failed":0,"skipped":0,
 *  "total":null,"total_known":false,"rate":0.0,"eta_seconds":null,"elapsed_seconds":0.0}
 * {"event":"progress",...}   every second
 * {"event":"phase",...}      when the phase changes ("stopping")
 * {"event":"end",...,"stopped":false}
 * </pre>
 *
 * <p>{@code done} counts every finished item; {@code failed} and {@code skipped} are parts of it.
 * {@code total} is null until something is known, and grows while {@code total_known} is false.
 * Job-specific extras (prewarm's {@code p95_ms}) follow the common fields.
 */
final class JsonProgressEvents implements ProgressDisplay {
  private static final JsonFactory JSON = new JsonFactory();
  private final PrintStream err;

  JsonProgressEvents(PrintStream err) {
    this.err = err;
  }

  @Override
  public void start(ProgressSnapshot s) {
    emit("start", s, null);
  }

  @Override
  public void update(ProgressSnapshot s) {
    emit("progress", s, null);
  }

  @Override
  public void phase(ProgressSnapshot s) {
    emit("phase", s, null);
  }

  @Override
  public void end(ProgressSnapshot s, boolean stopped) {
    emit("end", s, stopped);
  }

  @Override
  public long intervalMillis() {
    return 1_000;
  }

  static String event(String event, ProgressSnapshot s, Boolean stopped) {
    StringWriter line = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(line)) {
      g.writeStartObject();
      g.writeStringField("event", event);
      g.writeStringField("job", s.job());
      g.writeStringField("unit", s.unit());
      g.writeStringField("phase", s.phase());
      g.writeNumberField("done", s.done());
      g.writeNumberField("failed", s.failed());
      g.writeNumberField("skipped", s.skipped());
      g.writeFieldName("total");
      if (s.totalKnown() || s.total() > 0) {
        g.writeNumber(s.total());
      } else {
        g.writeNull();
      }
      g.writeBooleanField("total_known", s.totalKnown());
      g.writeNumberField("rate", Math.round(s.rate() * 10) / 10.0);
      g.writeFieldName("eta_seconds");
      double eta = s.etaSeconds();
      if (eta >= 0) {
        g.writeNumber(Math.round(eta * 10) / 10.0);
      } else {
        g.writeNull();
      }
      g.writeNumberField("elapsed_seconds", Math.round(s.elapsedSeconds() * 1000) / 1000.0);
      for (Map.Entry<String, Object> e : s.extras().entrySet()) {
        g.writeFieldName(e.getKey());
        switch (e.getValue()) {
          case null -> g.writeNull();
          case Long l -> g.writeNumber(l);
          case Integer i -> g.writeNumber(i);
          case Double d -> g.writeNumber(d);
          case Boolean b -> g.writeBoolean(b);
          default -> g.writeString(String.valueOf(e.getValue()));
        }
      }
      if (stopped != null) {
        g.writeBooleanField("stopped", stopped);
      }
      g.writeEndObject();
    } catch (IOException e) {
      return "{}"; // a StringWriter does not fail
    }
    return line.toString();
  }

  private void emit(String event, ProgressSnapshot s, Boolean stopped) {
    err.println(event(event, s, stopped));
  }
}
