package dev.reel.prewarm;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes the results file: a {@link RunHeader} line, then one JSON line per finished request, in
 * the order requests finish. Appends when resuming.
 *
 * <p>{@link #write} only queues the result: a writer thread turns results into JSON, so the HTTP
 * event loop (the bottleneck at tens of thousands of requests a second) does not. The writer polls
 * the queue instead of being woken per line. A full queue (a disk slower than the requests) makes
 * {@code write} wait: memory stays bounded. Lines are flushed at least once a second and on close.
 */
final class ResultsWriter implements AutoCloseable {
  static final String HEADER_KEY = "reel_prewarm";
  private final JsonGenerator json;
  private final ArrayBlockingQueue<RequestResult> queue = new ArrayBlockingQueue<>(16_384);
  private final Thread thread;
  private volatile boolean closing;
  private volatile IOException failure;

  private ResultsWriter(JsonGenerator json) {
    this.json = json;
    this.thread = Thread.ofPlatform().name("prewarm-results").daemon().unstarted(this::drain);
  }

  private void start() {
    thread.start();
  }

  private void drain() {
    long lastFlush = System.nanoTime();
    while (true) {
      RequestResult r = queue.poll();
      if (r != null && failure == null) {
        try {
          line(r);
        } catch (IOException e) {
          failure = e; // keep draining so writers never block; close() reports it
        }
      }
      long now = System.nanoTime();
      if (now - lastFlush > 1_000_000_000L) {
        lastFlush = now;
        flushNow();
      }
      if (r == null) {
        if (closing && queue.isEmpty()) {
          return;
        }
        LockSupport.parkNanos(1_000_000);
      }
    }
  }

  private void flushNow() {
    if (failure != null) {
      return;
    }
    try {
      json.flush();
      ((java.io.OutputStream) json.getOutputTarget()).flush();
    } catch (IOException e) {
      failure = e;
    }
  }

  /** Creates {@code file} (refusing to replace one) and writes the header. */
  static ResultsWriter create(Path file, RunHeader header) throws IOException {
    ResultsWriter w = open(file, StandardOpenOption.CREATE_NEW);
    w.header(header);
    w.start();
    return w;
  }

  /** Appends to an existing results file, with a header line for this resumed part. */
  static ResultsWriter append(Path file, RunHeader header) throws IOException {
    boolean torn = endsInsideALine(file);
    ResultsWriter w = open(file, StandardOpenOption.APPEND);
    if (torn) {
      w.json.writeRaw('\n'); // a line cut short by a crash stays a line of its own
    }
    w.header(header);
    w.start();
    return w;
  }

  private static boolean endsInsideALine(Path file) throws IOException {
    try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
      if (ch.size() == 0) {
        return false;
      }
      java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
      ch.position(ch.size() - 1).read(last);
      return last.get(0) != '\n';
    }
  }

  private static ResultsWriter open(Path file, StandardOpenOption mode) throws IOException {
    // bytes straight from Jackson's UTF-8 generator: no Writer and no charset encoder per line
    BufferedOutputStream out =
        new BufferedOutputStream(
            Files.newOutputStream(file, mode, StandardOpenOption.WRITE), 1 << 16);
    JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
    g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
    g.setRootValueSeparator(null);
    return new ResultsWriter(g);
  }

  private void header(RunHeader h) throws IOException {
    json.writeStartObject();
    json.writeNumberField(HEADER_KEY, 1);
    json.writeStringField("started", h.started());
    json.writeStringField("base_url", h.baseUrl());
    json.writeStringField("url_format", h.urlFormat());
    json.writeStringField("origin", h.origin());
    json.writeStringField("method", h.method());
    json.writeArrayFieldStart("derivatives");
    for (String d : h.derivatives()) {
      json.writeString(d);
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeRaw('\n');
  }

  /** Queues one result line; waits only while the queue is full. */
  void write(RequestResult r) {
    if (!queue.offer(r)) {
      try {
        queue.put(r);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void line(RequestResult r) throws IOException {
    json.writeStartObject();
    writeSeconds("t", r.atMillis());
    json.writeStringField("object", r.object());
    json.writeNumberField("size", r.sizeBytes());
    json.writeStringField("category", r.category().label());
    json.writeStringField("derivative", r.derivative());
    json.writeStringField("url", r.url());
    json.writeNumberField("status", r.status());
    writeMillis("ttfb_ms", r.ttfbMicros());
    writeMillis("total_ms", r.totalMicros());
    json.writeNumberField("bytes", r.bodyBytes());
    json.writeNumberField("derivative_size", r.derivativeBytes());
    json.writeStringField("cache", r.cache());
    json.writeNumberField("attempts", r.attempts());
    json.writeStringField("error", r.error() == null ? null : r.error().label());
    json.writeStringField("message", r.message());
    if (r.verifyCache() != null) {
      json.writeStringField("verify_cache", r.verifyCache());
    }
    if (r.redirects() > 0) {
      json.writeNumberField("redirects", r.redirects());
      json.writeStringField("final_url", r.finalUrl());
    }
    json.writeEndObject();
    json.writeRaw('\n');
  }

  private void writeSeconds(String field, long millis) throws IOException {
    if (millis >= 0) {
      json.writeFieldName(field);
      json.writeNumber(new java.math.BigDecimal(java.math.BigInteger.valueOf(millis), 3));
    }
  }

  private void writeMillis(String field, long micros) throws IOException {
    if (micros < 0) {
      json.writeNullField(field);
    } else {
      // milliseconds with microsecond precision, without floating-point noise
      json.writeFieldName(field);
      json.writeNumber(new java.math.BigDecimal(java.math.BigInteger.valueOf(micros), 3));
    }
  }

  /** Writes what is queued, then closes the file. */
  @Override
  public void close() throws IOException {
    closing = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flushNow();
    ((java.io.OutputStream) json.getOutputTarget()).close();
    if (failure != null) {
      throw new IOException("cannot write the results file: " + failure.getMessage(), failure);
    }
  }
}
