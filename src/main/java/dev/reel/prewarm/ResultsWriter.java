package dev.reel.prewarm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes the results file: a {@link RunHeader} line, then one JSON line per finished request, as
 * requests finish. Appends when resuming. Thread-safe; buffered, flushed by {@link #flush()} (about
 * once a second) and on close.
 */
final class ResultsWriter implements AutoCloseable {
  static final String HEADER_KEY = "reel_prewarm";
  private final JsonGenerator json;

  private ResultsWriter(JsonGenerator json) {
    this.json = json;
  }

  /** Creates {@code file} (refusing to replace one) and writes the header. */
  static ResultsWriter create(Path file, RunHeader header) throws IOException {
    ResultsWriter w = open(file, StandardOpenOption.CREATE_NEW);
    w.header(header);
    return w;
  }

  /** Appends to an existing results file, with a header line for this resumed part. */
  static ResultsWriter append(Path file, RunHeader header) throws IOException {
    ResultsWriter w = open(file, StandardOpenOption.APPEND);
    w.header(header);
    return w;
  }

  private static ResultsWriter open(Path file, StandardOpenOption mode) throws IOException {
    BufferedWriter out =
        new BufferedWriter(
            new OutputStreamWriter(
                Files.newOutputStream(file, mode, StandardOpenOption.WRITE),
                StandardCharsets.UTF_8),
            1 << 16);
    JsonGenerator g = new JsonFactory().createGenerator(out);
    g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
    g.setRootValueSeparator(null);
    return new ResultsWriter(g);
  }

  private synchronized void header(RunHeader h) throws IOException {
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

  /** Writes one result line. */
  synchronized void write(RequestResult r) {
    try {
      json.writeStartObject();
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
      json.writeEndObject();
      json.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the results file: " + e.getMessage(), e);
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

  synchronized void flush() {
    try {
      json.flush();
      ((java.io.Writer) json.getOutputTarget()).flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the results file: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    json.flush();
    ((java.io.Writer) json.getOutputTarget()).close();
  }
}
