package dev.reel.highlights;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reel.files.AtomicWrite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes one file's results into its folder: {@code index.json}, {@code highlights.csv}, the edit
 * lists {@code highlights.otio} (OpenTimelineIO) and {@code highlights.edl} (CMX 3600), the
 * pictures {@code loudness.svg} and {@code loudness.png}, and the review page {@code index.html}.
 * Every file is written whole or not at all.
 */
final class HighlightsOutputs {
  static final ObjectMapper JSON = new ObjectMapper();
  static final double EDL_FPS = 25;

  private HighlightsOutputs() {}

  static void write(FileHighlights f, HighlightsRequest r) throws IOException {
    Path dir = f.folder();
    AtomicWrite.text(
        dir.resolve("index.json"),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(index(f)) + "\n");
    AtomicWrite.text(dir.resolve("highlights.csv"), csv(f));
    AtomicWrite.text(
        dir.resolve("highlights.otio"),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(otio(f)) + "\n");
    AtomicWrite.text(dir.resolve("highlights.edl"), edl(f));
    AtomicWrite.text(dir.resolve("loudness.svg"), LoudnessPicture.svg(f));
    AtomicWrite.bytes(dir.resolve("loudness.png"), LoudnessPicture.png(f));
    AtomicWrite.text(dir.resolve("index.html"), ReviewPage.page(f));
  }

  static ObjectNode index(FileHighlights f) {
    ObjectNode o = JSON.createObjectNode();
    o.put("file", f.file().toString());
    o.put("duration_seconds", round(f.durationSeconds()));
    o.put("window_seconds", f.windowSeconds());
    o.put("measure", f.measure() == LoudnessMeasure.LUFS ? "lufs" : "rms_dbfs");
    o.put("threshold_db", round(f.thresholdDb()));
    o.put("threshold", f.automatic() ? "auto" : "absolute");
    LevelProfile.Stats s = f.stats();
    ObjectNode levels = o.putObject("levels");
    levels.put("mean_db", round(s.meanDb()));
    levels.put("p10_db", round(s.p10()));
    levels.put("p50_db", round(s.p50()));
    levels.put("p90_db", round(s.p90()));
    levels.put("p95_db", round(s.p95()));
    levels.put("p99_db", round(s.p99()));
    levels.put("max_db", round(s.maxDb()));
    ObjectNode suggest = o.putObject("suggested_thresholds_db");
    suggest.put("conservative", round(s.conservative()));
    suggest.put("balanced", round(s.balanced()));
    suggest.put("aggressive", round(s.aggressive()));
    ArrayNode list = o.putArray("highlights");
    for (Highlight h : f.highlights()) {
      Detection d = h.detection();
      ObjectNode x = list.addObject();
      x.put("number", h.number());
      x.put("start", round(d.startSeconds()));
      x.put("end", round(d.endSeconds()));
      x.put("peak", round(d.peakSeconds()));
      x.put("peak_db", round(d.peakDb()));
      x.put("mean_db", round(d.meanDb()));
      x.put("score", round(d.score()));
      x.put("rule", d.rule().label());
      x.put("clip_start", round(h.clipStart()));
      x.put("clip_end", round(h.clipEnd()));
      if (h.clip() != null) {
        x.put("clip", h.clip().getFileName().toString());
        x.put("clip_cut_start", round(h.cutStart()));
      } else {
        x.putNull("clip");
      }
      if (h.problem() != null) {
        x.put("problem", h.problem());
      }
    }
    return o;
  }

  static String csv(FileHighlights f) {
    StringBuilder b =
        new StringBuilder(
            "number,start,end,peak,peak_db,mean_db,score,rule,clip_start,clip_end,clip\n");
    for (Highlight h : f.highlights()) {
      Detection d = h.detection();
      b.append(
          String.format(
              Locale.ROOT,
              "%d,%.3f,%.3f,%.3f,%.1f,%.1f,%.2f,%s,%.3f,%.3f,%s%n",
              h.number(),
              d.startSeconds(),
              d.endSeconds(),
              d.peakSeconds(),
              d.peakDb(),
              d.meanDb(),
              d.score(),
              d.rule().label(),
              h.clipStart(),
              h.clipEnd(),
              h.clip() == null ? "" : h.clip().getFileName()));
    }
    return b.toString();
  }

  /** An OpenTimelineIO timeline: one video track of the highlights' ranges of the source. */
  static ObjectNode otio(FileHighlights f) {
    double rate = EDL_FPS;
    ObjectNode tl = JSON.createObjectNode();
    tl.put("OTIO_SCHEMA", "Timeline.1");
    tl.put("name", f.file().getFileName() + " highlights");
    ObjectNode stack = tl.putObject("tracks");
    stack.put("OTIO_SCHEMA", "Stack.1");
    stack.put("name", "tracks");
    ArrayNode tracks = stack.putArray("children");
    ObjectNode track = tracks.addObject();
    track.put("OTIO_SCHEMA", "Track.1");
    track.put("name", "highlights");
    track.put("kind", "Video");
    ArrayNode clips = track.putArray("children");
    for (Highlight h : f.highlights()) {
      ObjectNode c = clips.addObject();
      c.put("OTIO_SCHEMA", "Clip.2");
      c.put("name", "highlight " + h.number());
      ObjectNode range = c.putObject("source_range");
      range.put("OTIO_SCHEMA", "TimeRange.1");
      range.set("start_time", time(h.clipStart(), rate));
      range.set("duration", time(h.clipEnd() - h.clipStart(), rate));
      ObjectNode refs = c.putObject("media_references");
      ObjectNode ref = refs.putObject("DEFAULT_MEDIA");
      ref.put("OTIO_SCHEMA", "ExternalReference.1");
      ref.put("target_url", f.file().toUri().toString());
      c.put("active_media_reference_key", "DEFAULT_MEDIA");
      ObjectNode meta = c.putObject("metadata").putObject("reel");
      meta.put("peak_db", round(h.detection().peakDb()));
      meta.put("rule", h.detection().rule().label());
    }
    return tl;
  }

  private static ObjectNode time(double seconds, double rate) {
    ObjectNode t = JSON.createObjectNode();
    t.put("OTIO_SCHEMA", "RationalTime.1");
    t.put("rate", rate);
    t.put("value", Math.round(seconds * rate * 1000) / 1000.0);
    return t;
  }

  /** A CMX 3600 edit list at 25 fps, non-drop: one event per highlight, the source by name. */
  static String edl(FileHighlights f) {
    StringBuilder b = new StringBuilder();
    b.append("TITLE: ").append(f.file().getFileName()).append(" highlights\n");
    b.append("FCM: NON-DROP FRAME\n\n");
    double record = 0;
    for (Highlight h : f.highlights()) {
      double len = h.clipEnd() - h.clipStart();
      b.append(
          String.format(
              Locale.ROOT,
              "%03d  AX       V     C        %s %s %s %s%n",
              h.number(),
              tc(h.clipStart()),
              tc(h.clipEnd()),
              tc(record),
              tc(record + len)));
      b.append("* FROM CLIP NAME: ").append(f.file().getFileName()).append('\n');
      record += len;
    }
    return b.toString();
  }

  static String tc(double seconds) {
    long frames = Math.round(seconds * EDL_FPS);
    long f = frames % (long) EDL_FPS;
    long s = frames / (long) EDL_FPS;
    return String.format(Locale.ROOT, "%02d:%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60, f);
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
