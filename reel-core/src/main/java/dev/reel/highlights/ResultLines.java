package dev.reel.highlights;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** The line {@code reel highlights} prints for each file: a table row, or JSON with --json. */
public final class ResultLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ResultLines() {}

  /** One JSON object: the file, its status, folder, duration, highlights and clips. */
  public static String json(FileOutcome f) {
    ObjectNode n = JSON.createObjectNode();
    n.put("file", f.file().toString());
    switch (f) {
      case FileOutcome.Done d -> {
        n.put("status", "ok");
        n.put("folder", d.result().folder().toString());
        n.put("duration_seconds", d.result().durationSeconds());
        n.put("highlights", d.result().highlights().size());
        n.put("clips", d.result().highlights().stream().filter(h -> h.clip() != null).count());
      }
      case FileOutcome.NoAudio x -> n.put("status", "failed").put("error", "no audio stream");
      case FileOutcome.Failed x -> n.put("status", "failed").put("error", x.error());
    }
    return n.toString();
  }

  /** The file, then its duration, highlights and clips, or why it failed. */
  public static String table(FileOutcome f) {
    String status =
        switch (f) {
          case FileOutcome.Done d -> {
            FileHighlights h = d.result();
            long clips = h.highlights().stream().filter(x -> x.clip() != null).count();
            yield String.format(
                Locale.ROOT,
                "%8s  %3d highlights  %3d clips  ok",
                clock(h.durationSeconds()),
                h.highlights().size(),
                clips);
          }
          case FileOutcome.NoAudio x -> "failed: no audio stream";
          case FileOutcome.Failed x -> "failed: " + x.error();
        };
    return f.file() + "  " + status;
  }

  private static String clock(double s) {
    long t = Math.round(s);
    return String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60);
  }
}
