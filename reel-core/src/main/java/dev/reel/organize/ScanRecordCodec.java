package dev.reel.organize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reel.walk.WalkedFile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A {@link ScannedFile} without its file, as one line of JSON, for the scan cache. */
final class ScanRecordCodec {
  private ScanRecordCodec() {}

  static String encode(ScannedFile f) {
    ObjectNode o = PlanJson.JSON.createObjectNode();
    Subject s = f.subject();
    o.put("k", s.kind().name());
    o.put("t", s.title());
    putInt(o, "y", s.year());
    putInt(o, "s", s.season());
    ArrayNode e = o.putArray("e");
    s.episodes().forEach(e::add);
    o.put("d", s.date() == null ? null : s.date().toString());
    o.put("et", s.episodeTitle());
    o.put("ed", s.edition());
    putInt(o, "p", s.part());
    o.put("x", s.extra());
    o.put("ss", s.screenSize());
    Quality q = f.quality();
    o.put("qp", q.playable());
    o.put("qh", q.height());
    o.put("qd", q.hdr());
    o.put("qc", q.codec());
    o.put("qb", q.bitRate());
    o.put("qa", q.audioChannels());
    o.put("pr", f.problem());
    return o.toString();
  }

  /** The scanned file, or null when the text is not a record this version wrote. */
  static ScannedFile decode(String text, WalkedFile file) {
    try {
      JsonNode o = PlanJson.JSON.readTree(text);
      List<Integer> episodes = new ArrayList<>();
      o.get("e").forEach(n -> episodes.add(n.asInt()));
      Subject s =
          new Subject(
              Subject.Kind.valueOf(o.get("k").asText()),
              text(o, "t"),
              integer(o, "y"),
              integer(o, "s"),
              episodes,
              o.hasNonNull("d") ? LocalDate.parse(o.get("d").asText()) : null,
              text(o, "et"),
              text(o, "ed"),
              integer(o, "p"),
              text(o, "x"),
              text(o, "ss"),
              null); // a lookup's id is not the scan's: it is asked again (from the cache)
      Quality q =
          new Quality(
              o.get("qp").asBoolean(),
              o.get("qh").asInt(),
              o.get("qd").asBoolean(),
              text(o, "qc"),
              o.get("qb").asLong(),
              o.get("qa").asInt(),
              file.sizeBytes());
      return new ScannedFile(file, text(o, "pr"), s, q);
    } catch (JsonProcessingException | RuntimeException e) {
      return null;
    }
  }

  private static void putInt(ObjectNode o, String k, Integer v) {
    if (v == null) {
      o.putNull(k);
    } else {
      o.put(k, v);
    }
  }

  private static String text(JsonNode o, String k) {
    return o.hasNonNull(k) ? o.get(k).asText() : null;
  }

  private static Integer integer(JsonNode o, String k) {
    return o.hasNonNull(k) ? o.get(k).asInt() : null;
  }
}
