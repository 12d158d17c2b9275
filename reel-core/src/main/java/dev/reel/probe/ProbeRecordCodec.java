package dev.reel.probe;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reel.media.FileFacts;
import dev.reel.media.HdrTransfer;
import dev.reel.media.MediaInfo;
import dev.reel.media.ProbeOutcome;
import dev.reel.media.StreamInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a probe result into the text the cache keeps and back. The text is the result's JSON line
 * ({@link ProbeJsonWriter}), so what comes back from the cache prints exactly as a fresh probe.
 */
public final class ProbeRecordCodec {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ProbeRecordCodec() {}

  /** The result's JSON line (without the newline), as {@code reel probe --json} prints it. */
  public static String encode(ProbeOutcome outcome) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(512);
    try (JsonGenerator g = FACTORY.createGenerator(buf, JsonEncoding.UTF8)) {
      ProbeJsonWriter.write(g, outcome);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  /**
   * The result a JSON line of {@link #encode} holds, for the file the line names (its path, size
   * and modification time): a result that travelled from another machine.
   *
   * @throws IllegalArgumentException when the text is not a result this version writes
   */
  public static ProbeOutcome decode(String line) {
    JsonNode n = tree(line);
    if (n == null || !n.path("path").isTextual()) {
      throw new IllegalArgumentException("not a probe result: no path");
    }
    String modified = textOrNull(n.get("modified"));
    FileFacts file =
        new FileFacts(
            java.nio.file.Path.of(n.get("path").asText()),
            n.path("size_bytes").asLong(0),
            modified == null ? java.time.Instant.EPOCH : java.time.Instant.parse(modified));
    return decode(n, file);
  }

  /**
   * The result that {@code text} holds, for the file as it is now.
   *
   * @throws IllegalArgumentException when the text is not a result this version writes
   */
  static ProbeOutcome decode(String text, FileFacts file) {
    return decode(tree(text), file);
  }

  private static JsonNode tree(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a probe result: " + e.getMessage(), e);
    }
  }

  private static ProbeOutcome decode(JsonNode n, FileFacts file) {
    String error = textOrNull(n.get("error"));
    if (n.path("container").isNull() || n.path("container").isMissingNode()) {
      return new ProbeOutcome.Unreadable(file, error == null ? "unreadable" : error);
    }
    List<StreamInfo> streams = new ArrayList<>();
    for (JsonNode s : n.path("streams")) {
      streams.add(stream(s));
    }
    MediaInfo info =
        new MediaInfo(
            n.get("container").asText(),
            n.path("duration_seconds").isNumber() ? n.get("duration_seconds").asDouble() : null,
            n.path("bit_rate").isNumber() ? n.get("bit_rate").asLong() : null,
            n.path("chapters").asInt(0),
            streams);
    return n.path("playable").asBoolean()
        ? new ProbeOutcome.Playable(file, info)
        : new ProbeOutcome.Unplayable(file, info, error == null ? "unplayable" : error);
  }

  private static StreamInfo stream(JsonNode s) {
    int index = s.path("index").asInt();
    String codec = s.path("codec").asText();
    String profile = textOrNull(s.get("profile"));
    String language = textOrNull(s.get("language"));
    String title = textOrNull(s.get("title"));
    boolean isDefault = s.path("default").asBoolean();
    return switch (s.path("type").asText()) {
      case "video" ->
          new StreamInfo.Video(
              index,
              codec,
              profile,
              language,
              title,
              isDefault,
              s.path("width").asInt(),
              s.path("height").asInt(),
              s.path("frame_rate").isNumber() ? s.get("frame_rate").asDouble() : null,
              textOrNull(s.get("pixel_format")),
              s.path("bit_depth").isNumber() ? s.get("bit_depth").asInt() : null,
              hdr(textOrNull(s.get("hdr"))),
              s.path("rotation").asInt());
      case "audio" ->
          new StreamInfo.Audio(
              index,
              codec,
              profile,
              language,
              title,
              isDefault,
              s.path("sample_rate").asInt(),
              s.path("channels").asInt(),
              textOrNull(s.get("channel_layout")));
      case "subtitle" ->
          new StreamInfo.Subtitle(
              index, codec, profile, language, title, isDefault, s.path("forced").asBoolean());
      default -> new StreamInfo.Data(index, codec, profile, language, title, isDefault);
    };
  }

  private static HdrTransfer hdr(String label) {
    return label == null
        ? HdrTransfer.UNKNOWN
        : HdrTransfer.valueOf(label.toUpperCase(Locale.ROOT));
  }

  private static String textOrNull(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }
}
