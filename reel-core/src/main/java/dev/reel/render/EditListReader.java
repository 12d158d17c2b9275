package dev.reel.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reel.files.CsvLine;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an edit list into the clips of one timeline, in order: JSON (a list of {@code
 * {"video_file"|"src", "start", "end"}}, optional {@code position} to order by), CSV ({@code
 * src,start,end}), CMX 3600 EDL (events with {@code * FROM CLIP NAME:} lines naming the files,
 * timecode at {@code fps}) and OpenTimelineIO {@code .otio} (the first video track's clips, their
 * {@code source_range} and {@code ExternalReference.target_url}). Relative paths resolve against
 * the edit list's folder. A malformed entry is an {@code IllegalArgumentException} naming the file
 * and the line or clip.
 */
public final class EditListReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EVENT =
      Pattern.compile(
          "^(\\d{1,6})\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)(?:\\s+\\d+)?\\s+"
              + "(\\d\\d:\\d\\d:\\d\\d[:;]\\d\\d)\\s+(\\d\\d:\\d\\d:\\d\\d[:;]\\d\\d)\\s+"
              + "(\\d\\d:\\d\\d:\\d\\d[:;]\\d\\d)\\s+(\\d\\d:\\d\\d:\\d\\d[:;]\\d\\d)\\s*$");

  private EditListReader() {}

  /** The timeline of {@code file}; {@code fps} converts EDL timecode and frame counts. */
  public static List<TimelineClip> read(Path file, double fps) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String text = Files.readString(file);
    Path base = file.toAbsolutePath().getParent();
    List<TimelineClip> clips;
    if (name.endsWith(".edl")) {
      clips = edl(text, base, fps, file.toString());
    } else if (name.endsWith(".csv")) {
      clips = csv(text, base, fps, file.toString());
    } else if (name.endsWith(".otio") || name.endsWith(".json")) {
      JsonNode doc;
      try {
        doc = JSON.readTree(text);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(
            file
                + " is not JSON (line "
                + e.getLocation().getLineNr()
                + ": "
                + e.getOriginalMessage()
                + ")");
      }
      clips =
          doc != null && doc.path("OTIO_SCHEMA").asText().startsWith("Timeline")
              ? otio(doc, base, file.toString())
              : json(doc, base, fps, file.toString());
    } else {
      throw new IllegalArgumentException(
          "edit list " + file + ": the name must end in .json, .csv, .edl or .otio");
    }
    if (clips.isEmpty()) {
      throw new IllegalArgumentException("edit list " + file + " has no clips");
    }
    return List.copyOf(clips);
  }

  private static List<TimelineClip> json(JsonNode doc, Path base, double fps, String file) {
    JsonNode list = doc != null && doc.isObject() && doc.has("clips") ? doc.get("clips") : doc;
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException(file + ": expected a list of clips");
    }
    record Positioned(double position, int index, TimelineClip clip) {}
    List<Positioned> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode c = list.get(i);
      String where = file + ", clip " + (i + 1);
      if (!c.isObject()) {
        throw new IllegalArgumentException(where + ": not an object");
      }
      JsonNode src = c.has("video_file") ? c.get("video_file") : c.get("src");
      if (src == null || !src.isTextual() || src.asText().isBlank()) {
        throw new IllegalArgumentException(where + ": 'video_file' or 'src' is missing");
      }
      double start = time(c.get("start"), "start", fps, where);
      double end = time(c.get("end"), "end", fps, where);
      double position = c.hasNonNull("position") ? c.get("position").asDouble() : i;
      out.add(
          new Positioned(
              position, i, new TimelineClip(path(src.asText(), base, where), start, end, where)));
    }
    out.sort(Comparator.comparingDouble(Positioned::position).thenComparingInt(Positioned::index));
    return out.stream().map(Positioned::clip).toList();
  }

  private static double time(JsonNode v, String field, double fps, String where) {
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(where + ": '" + field + "' is missing");
    }
    return v.isNumber() ? v.asDouble() : ClipTime.parse(v.asText(), fps, where + " " + field);
  }

  private static List<TimelineClip> csv(String text, Path base, double fps, String file) {
    List<TimelineClip> out = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String where = file + ":" + (i + 1);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> cells;
      try {
        cells = CsvLine.split(line);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage());
      }
      if (i == 0 && !cells.isEmpty() && cells.get(0).strip().equalsIgnoreCase("src")) {
        continue; // the header
      }
      if (cells.size() < 3) {
        throw new IllegalArgumentException(where + ": expected src,start,end");
      }
      out.add(
          new TimelineClip(
              path(cells.get(0).strip(), base, where),
              ClipTime.parse(cells.get(1), fps, where + " start"),
              ClipTime.parse(cells.get(2), fps, where + " end"),
              where));
    }
    return out;
  }

  private static List<TimelineClip> edl(String text, Path base, double fps, String file) {
    record Event(String number, String reel, double in, double out, int line) {}
    List<Event> events = new ArrayList<>();
    List<String> names = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      String where = file + ":" + (i + 1);
      if (line.isEmpty() || line.startsWith("TITLE:") || line.startsWith("FCM:")) {
        continue;
      }
      if (line.startsWith("*")) {
        String rest = line.substring(1).strip();
        if (rest.toUpperCase(Locale.ROOT).startsWith("FROM CLIP NAME:") && !events.isEmpty()) {
          names.set(events.size() - 1, rest.substring("FROM CLIP NAME:".length()).strip());
        }
        continue;
      }
      if (!Character.isDigit(line.charAt(0))) {
        continue; // M2 speed changes and other notes: not clips
      }
      Matcher m = EVENT.matcher(line);
      if (!m.matches()) {
        throw new IllegalArgumentException(where + ": not a CMX 3600 event line: " + line);
      }
      String track = m.group(3).toUpperCase(Locale.ROOT);
      if (!track.startsWith("V") && !track.equals("B")) {
        continue; // audio-only events follow their video event
      }
      if (!events.isEmpty() && events.get(events.size() - 1).number().equals(m.group(1))) {
        continue; // the same event on another track
      }
      events.add(
          new Event(
              m.group(1),
              m.group(2),
              ClipTime.timecode(m.group(5), fps, where),
              ClipTime.timecode(m.group(6), fps, where),
              i + 1));
      names.add(null);
    }
    List<TimelineClip> out = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      String where = file + ":" + e.line();
      String source = names.get(i) != null ? names.get(i) : e.reel();
      out.add(new TimelineClip(path(source, base, where), e.in(), e.out(), where));
    }
    return out;
  }

  private static List<TimelineClip> otio(JsonNode timeline, Path base, String file) {
    JsonNode tracks = timeline.path("tracks").path("children");
    JsonNode video = null;
    for (JsonNode t : tracks) {
      if (t.path("OTIO_SCHEMA").asText().startsWith("Track")
          && !"Audio".equals(t.path("kind").asText())) {
        video = t;
        break;
      }
    }
    if (video == null) {
      throw new IllegalArgumentException(file + ": no video track in the timeline");
    }
    List<TimelineClip> out = new ArrayList<>();
    int n = 0;
    for (JsonNode c : video.path("children")) {
      n++;
      if (!c.path("OTIO_SCHEMA").asText().startsWith("Clip")) {
        continue; // gaps and transitions
      }
      String where = file + ", clip " + n;
      JsonNode range = c.path("source_range");
      double start = rational(range.path("start_time"), where);
      double duration = rational(range.path("duration"), where);
      JsonNode ref = c.path("media_reference");
      if (ref.isMissingNode() || ref.isNull()) {
        String key = c.path("active_media_reference_key").asText("DEFAULT_MEDIA");
        ref = c.path("media_references").path(key);
      }
      String url = ref.path("target_url").asText("");
      if (url.isEmpty()) {
        throw new IllegalArgumentException(where + ": no ExternalReference target_url");
      }
      out.add(new TimelineClip(path(url, base, where), start, start + duration, where));
    }
    return out;
  }

  private static double rational(JsonNode t, String where) {
    if (!t.has("value") || !t.has("rate") || t.get("rate").asDouble() <= 0) {
      throw new IllegalArgumentException(where + ": a RationalTime needs a value and a rate");
    }
    return t.get("value").asDouble() / t.get("rate").asDouble();
  }

  private static Path path(String s, Path base, String where) {
    try {
      if (s.startsWith("file:")) {
        return Path.of(URI.create(s));
      }
      Path p = Path.of(s);
      return p.isAbsolute() ? p : base.resolve(p).normalize();
    } catch (IllegalArgumentException e) { // InvalidPathException and bad URIs
      throw new IllegalArgumentException(where + ": '" + s + "' is not a file path or file: URL");
    }
  }
}
