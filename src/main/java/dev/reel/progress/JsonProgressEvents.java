package dev.reel.progress;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Progress as JSON lines for other programs, at most one {@code progress} event per interval:
 *
 * <pre>
 * {"event":"start","task":"probe","unit":"files","total":2000}
 * {"event":"progress","task":"probe","done":1200,"failed":3,"total":2000,"rate":1850.2,"eta_seconds":0.4}
 * {"event":"end","task":"probe","done":2000,"failed":3,"total":2000,"elapsed_seconds":1.1}
 * </pre>
 */
final class JsonProgressEvents implements ProgressListener {
  private static final JsonFactory JSON = new JsonFactory();
  private final String task;
  private final String unit;
  private final PrintStream err;
  private final ProgressPace pace;
  private final ReentrantLock lock = new ReentrantLock();
  private long total = -1;
  private long done;
  private long failed;

  JsonProgressEvents(
      String task, String unit, PrintStream err, LongSupplier clock, long intervalNanos) {
    this.task = task;
    this.unit = unit;
    this.err = err;
    this.pace = new ProgressPace(clock, intervalNanos);
  }

  @Override
  public void start(long totalItems) {
    total = totalItems;
    pace.start();
    emit("start", false);
  }

  @Override
  public void advance(long doneItems, long failedItems) {
    lock.lock();
    try {
      done = doneItems;
      failed = failedItems;
      if (pace.due()) {
        emit("progress", false);
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      emit("end", true);
    } finally {
      lock.unlock();
    }
  }

  private void emit(String event, boolean end) {
    StringWriter line = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(line)) {
      g.writeStartObject();
      g.writeStringField("event", event);
      g.writeStringField("task", task);
      if (event.equals("start")) {
        g.writeStringField("unit", unit);
      } else {
        g.writeNumberField("done", done);
        g.writeNumberField("failed", failed);
      }
      g.writeNumberField("total", total);
      if (event.equals("progress")) {
        g.writeNumberField("rate", Math.round(pace.rate(done) * 10) / 10.0);
        double eta = pace.etaSeconds(done, total);
        if (eta >= 0) {
          g.writeNumberField("eta_seconds", Math.round(eta * 10) / 10.0);
        }
      }
      if (end) {
        g.writeNumberField("elapsed_seconds", Math.round(pace.elapsedSeconds() * 1000) / 1000.0);
      }
      g.writeEndObject();
    } catch (IOException e) {
      return; // a StringWriter does not fail; progress never throws
    }
    err.println(line);
  }
}
