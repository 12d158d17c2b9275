package dev.reel.identify;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Writes identities as JSON lines ({@code {"input": ..., "type": ..., ...}}) or as one readable
 * line each for a terminal. {@link #close()} flushes; it does not close the stream.
 */
public final class IdentityWriter implements AutoCloseable {
  private final JsonGenerator json;
  private final OutputStream out;
  private final boolean asJson;

  public IdentityWriter(OutputStream out, boolean asJson) {
    this.out = out;
    this.asJson = asJson;
    try {
      this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
      json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      json.setRootValueSeparator(new SerializedString(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void write(Identity id) {
    write(id, null, Map.of());
  }

  /**
   * Writes an identity with more about it under {@code field} (an online lookup's match): a JSON
   * object in JSON lines, {@code field key=value ...} after the readable line.
   */
  public void write(Identity id, String field, Map<String, Object> more) {
    try {
      if (asJson) {
        json.writeStartObject();
        json.writeStringField("input", id.input());
        for (Map.Entry<String, Object> e : id.properties().entrySet()) {
          json.writeFieldName(e.getKey());
          value(e.getValue());
        }
        json.writeNumberField("confidence", id.confidence().value());
        if (field != null) {
          json.writeFieldName(field);
          json.writeStartObject();
          for (Map.Entry<String, Object> e : more.entrySet()) {
            json.writeFieldName(e.getKey());
            value(e.getValue());
          }
          json.writeEndObject();
        }
        json.writeEndObject();
        json.writeRaw('\n');
      } else {
        StringBuilder line = new StringBuilder(summary(id));
        if (field != null) {
          line.append("  ").append(field);
          more.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        }
        json.writeRaw(line.toString());
        json.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write results: " + e.getMessage(), e);
    }
  }

  private void value(Object v) throws IOException {
    switch (v) {
      case null -> json.writeNull();
      case Boolean b -> json.writeBoolean(b);
      case Long l -> json.writeNumber(l);
      case Integer i -> json.writeNumber(i);
      case Double d -> json.writeNumber(d);
      case LocalDate d -> json.writeString(d.toString());
      case List<?> l -> {
        json.writeStartArray();
        for (Object o : l) {
          value(o);
        }
        json.writeEndArray();
      }
      default -> json.writeString(String.valueOf(v));
    }
  }

  /** One line for people: {@code episode The Office [US] S02E03 "Title" 720p HDTV H.264 CTU}. */
  static String summary(Identity id) {
    Map<String, Object> p = id.properties();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%-8s", p.getOrDefault("type", "?")));
    sb.append(p.getOrDefault("title", "(no title)"));
    if (p.containsKey("country")) {
      sb.append(" [").append(p.get("country")).append(']');
    }
    if (p.containsKey("year")) {
      sb.append(" (").append(p.get("year")).append(')');
    }
    List<Integer> seasons = id.seasons();
    List<Integer> episodes = id.episodes();
    if (!seasons.isEmpty() || !episodes.isEmpty()) {
      sb.append(' ');
      if (!seasons.isEmpty()) {
        sb.append(String.format("S%02d", seasons.get(0)));
      }
      for (int e : episodes) {
        sb.append(String.format("E%02d", e));
      }
    }
    if (p.containsKey("date")) {
      sb.append(' ').append(p.get("date"));
    }
    if (p.containsKey("episode_title")) {
      sb.append(" \"").append(p.get("episode_title")).append('"');
    }
    if (p.containsKey("extra")) {
      sb.append("  extra: ").append(p.get("extra"));
    }
    StringBuilder tech = new StringBuilder();
    for (String k : List.of("screen_size", "source", "video_codec", "audio_codec", "edition")) {
      if (p.containsKey(k)) {
        tech.append(tech.isEmpty() ? "" : " ").append(flat(p.get(k)));
      }
    }
    if (!tech.isEmpty()) {
      sb.append("  ").append(tech);
    }
    if (p.containsKey("release_group")) {
      sb.append("  -").append(p.get("release_group"));
    }
    sb.append("   <- ").append(id.input().replace('\n', ' '));
    return sb.toString();
  }

  private static String flat(Object v) {
    return v instanceof List<?> l
        ? String.join("+", l.stream().map(String::valueOf).toList())
        : String.valueOf(v);
  }

  /** Sends what is buffered (each written line is whole). */
  public void flush() {
    try {
      json.flush();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      json.flush();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
