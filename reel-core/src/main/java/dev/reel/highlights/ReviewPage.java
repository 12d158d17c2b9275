package dev.reel.highlights;

import dev.reel.files.AtomicWrite;
import dev.reel.html.Html;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The page to review a recording's highlights, self-contained (no network): the loudness picture
 * with the highlights marked, the list with time, level and rule, and each clip playable; clicking
 * a highlight on the picture plays its clip. For a batch, an overview page links the files' pages.
 */
public final class ReviewPage {
  private ReviewPage() {}

  private static final String STYLE =
      "body{font:14px system-ui,sans-serif;margin:1.5em;color:#222}"
          + "svg{max-width:100%;height:auto;border:1px solid #ddd}rect.hl{cursor:pointer}"
          + "table{border-collapse:collapse}td,th{padding:4px 8px;border-bottom:1px solid #eee;text-align:left}"
          + "li.highlight{margin:1em 0}video{max-width:480px;display:block}.playing{outline:3px solid #e63946}";

  private static final String SCRIPT =
      "document.querySelectorAll('rect.hl').forEach(function(r){r.addEventListener('click',function(){"
          + "var v=document.getElementById('clip-'+r.dataset.n);if(!v)return;"
          + "document.querySelectorAll('.playing').forEach(function(e){e.classList.remove('playing')});"
          + "v.classList.add('playing');v.scrollIntoView({block:'center'});v.play();});});"
          + "document.body.dataset.ready=document.querySelectorAll('rect.hl').length;";

  static String page(FileHighlights f) {
    StringBuilder b = new StringBuilder();
    String name = Html.escape(f.file().getFileName().toString());
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(name)
        .append(" highlights</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n<h1>")
        .append(name)
        .append("</h1>\n<p>")
        .append(LoudnessPicture.clock(f.durationSeconds()))
        .append(
            String.format(
                Locale.ROOT,
                ", threshold %.1f dB%s, ",
                f.thresholdDb(),
                f.automatic() ? " (auto)" : ""))
        .append(f.highlights().size())
        .append(" highlights</p>\n")
        .append(LoudnessPicture.svg(f))
        .append("<ol id=\"highlights\">\n");
    for (Highlight h : f.highlights()) {
      Detection d = h.detection();
      b.append(
          String.format(
              Locale.ROOT,
              "<li class=\"highlight\" id=\"h-%d\"><b>%s</b> peak %.1f dB, mean %.1f dB, %s, score %.1f",
              h.number(),
              LoudnessPicture.clock(d.peakSeconds()),
              d.peakDb(),
              d.meanDb(),
              d.rule().label(),
              d.score()));
      if (h.clip() != null) {
        String src = Html.escape(f.folder().relativize(h.clip()).toString().replace('\\', '/'));
        b.append("<video id=\"clip-")
            .append(h.number())
            .append("\" controls preload=\"metadata\" src=\"")
            .append(src)
            .append("\"></video>");
      } else if (h.problem() != null) {
        b.append(" <i>(no clip: ").append(Html.escape(h.problem())).append(")</i>");
      }
      b.append("</li>\n");
    }
    b.append("</ol>\n<script>").append(SCRIPT).append("</script>\n</body></html>\n");
    return b.toString();
  }

  /**
   * One row of the batch's overview page: a file, the folder its page is in, its duration and
   * counts. Plain values, so that rows made on other machines (Spark executors) can be sent.
   */
  public record OverviewRow(
      String fileName, String folder, double durationSeconds, int highlights, long clips)
      implements java.io.Serializable {
    public static OverviewRow of(FileHighlights f) {
      return new OverviewRow(
          f.file().getFileName().toString(),
          f.folder().toString(),
          f.durationSeconds(),
          f.highlights().size(),
          f.highlights().stream().filter(h -> h.clip() != null).count());
    }
  }

  /** Writes {@code out/index.html}: one row per file, linking to its own page. */
  public static void writeOverview(Path out, List<OverviewRow> files) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>highlights</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n<h1>Highlights of ")
        .append(files.size())
        .append(" recordings</h1>\n")
        .append(
            "<table id=\"files\"><tr><th>file</th><th>duration</th><th>highlights</th><th>clips</th></tr>\n");
    for (OverviewRow f : files) {
      String page =
          Html.escape(
              out.toAbsolutePath()
                  .relativize(Path.of(f.folder()).toAbsolutePath().resolve("index.html"))
                  .toString()
                  .replace('\\', '/'));
      b.append("<tr><td><a href=\"")
          .append(page)
          .append("\">")
          .append(Html.escape(f.fileName()))
          .append("</a></td><td>")
          .append(LoudnessPicture.clock(f.durationSeconds()))
          .append("</td><td>")
          .append(f.highlights())
          .append("</td><td>")
          .append(f.clips())
          .append("</td></tr>\n");
    }
    b.append("</table>\n</body></html>\n");
    AtomicWrite.text(out.resolve("index.html"), b.toString());
  }
}
