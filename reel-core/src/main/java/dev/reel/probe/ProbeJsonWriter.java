package dev.reel.probe;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.reel.media.MediaInfo;
import dev.reel.media.ProbeOutcome;
import dev.reel.media.StreamInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Writes one JSON object per file, one per line. The field names are stable and documented in the
 * README; a value the file does not tell is null, never left out.
 */
public final class ProbeJsonWriter implements ProbeResultWriter {
  private final JsonGenerator json;

  public ProbeJsonWriter(OutputStream out) {
    try {
      this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
      json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      json.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void accept(ProbeOutcome outcome) {
    try {
      write(outcome);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write results: " + e.getMessage(), e);
    }
  }

  private void write(ProbeOutcome outcome) throws IOException {
    write(json, outcome);
    json.writeRaw('\n');
    json.flush(); // whole lines as files finish: a reader (or a Ctrl-C) never sees half a line
  }

  /** Writes one result as a JSON object: the line format, also kept by the probe cache. */
  static void write(JsonGenerator json, ProbeOutcome outcome) throws IOException {
    var file = outcome.file();
    MediaInfo info = outcome.mediaInfo().orElse(null);
    String error = outcome.problem().orElse(null);
    json.writeStartObject();
    json.writeStringField("path", file.path().toString());
    json.writeNumberField("size_bytes", file.sizeBytes());
    json.writeStringField(
        "modified", file.modified().equals(Instant.EPOCH) ? null : file.modified().toString());
    json.writeStringField("container", info == null ? null : info.container());
    writeNumber(json, "duration_seconds", info == null ? null : info.durationSeconds());
    writeNumber(json, "bit_rate", info == null ? null : info.bitRate());
    writeNumber(json, "chapters", info == null ? null : info.chapters());
    json.writeBooleanField("playable", outcome instanceof ProbeOutcome.Playable);
    json.writeStringField("error", error);
    json.writeArrayFieldStart("streams");
    for (StreamInfo s : info == null ? List.<StreamInfo>of() : info.streams()) {
      writeStream(json, s);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeStream(JsonGenerator json, StreamInfo s) throws IOException {
    json.writeStartObject();
    json.writeNumberField("index", s.index());
    json.writeStringField("type", s.type());
    json.writeStringField("codec", s.codec());
    json.writeStringField("profile", s.profile());
    json.writeStringField("language", s.language());
    json.writeStringField("title", s.title());
    json.writeBooleanField("default", s.isDefault());
    switch (s) {
      case StreamInfo.Video v -> {
        json.writeNumberField("width", v.width());
        json.writeNumberField("height", v.height());
        writeNumber(json, "frame_rate", v.frameRate() == null ? null : round3(v.frameRate()));
        json.writeStringField("pixel_format", v.pixelFormat());
        writeNumber(json, "bit_depth", v.bitDepth());
        json.writeStringField("hdr", v.hdr().label());
        json.writeNumberField("rotation", v.rotationDegrees());
      }
      case StreamInfo.Audio a -> {
        json.writeNumberField("sample_rate", a.sampleRate());
        json.writeNumberField("channels", a.channels());
        json.writeStringField("channel_layout", a.channelLayout());
      }
      case StreamInfo.Subtitle t -> json.writeBooleanField("forced", t.forced());
      case StreamInfo.Data d -> {}
    }
    json.writeEndObject();
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static void writeNumber(JsonGenerator json, String name, Number n) throws IOException {
    json.writeFieldName(name);
    switch (n) {
      case null -> json.writeNull();
      case Double d -> json.writeNumber(d);
      case Long l -> json.writeNumber(l);
      case Integer i -> json.writeNumber(i);
      default -> json.writeNumber(n.doubleValue());
    }
  }

  @Override
  public void close() {
    try {
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
