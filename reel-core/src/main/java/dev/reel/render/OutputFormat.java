package dev.reel.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one format an encoded render's segments are made in. */
final class OutputFormat {
  private OutputFormat() {}

  /** The output format: the options', else the most common size and rate of the clips' sources. */
  static dev.reel.media.SegmentFormat of(List<RenderJob.Usable> clips, RenderRequest.Output o) {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    Map<Double, Integer> rates = new LinkedHashMap<>();
    for (RenderJob.Usable u : clips) {
      u.source().videoStreams().stream()
          .findFirst()
          .ifPresent(
              v -> {
                sizes.merge(v.width() + "x" + v.height(), 1, Integer::sum);
                if (v.frameRate() != null && v.frameRate() > 0) {
                  rates.merge(Math.round(v.frameRate() * 1000) / 1000.0, 1, Integer::sum);
                }
              });
    }
    int w;
    int h;
    if (o.width() != null) {
      w = o.width();
      h = o.height();
    } else {
      String best =
          sizes.entrySet().stream()
              .max(Map.Entry.comparingByValue())
              .map(Map.Entry::getKey)
              .orElse("1280x720");
      w = Integer.parseInt(best.substring(0, best.indexOf('x')));
      h = Integer.parseInt(best.substring(best.indexOf('x') + 1));
    }
    double fps =
        o.fps() != null
            ? o.fps()
            : rates.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(25.0);
    int num;
    int den;
    if (Math.abs(fps - Math.round(fps)) < 1e-6) {
      num = (int) Math.round(fps);
      den = 1;
    } else if (Math.abs(fps * 1.001 - Math.round(fps * 1.001)) < 1e-3) {
      num = (int) Math.round(fps * 1.001) * 1000;
      den = 1001;
    } else {
      num = (int) Math.round(fps * 1000);
      den = 1000;
    }
    return new dev.reel.media.SegmentFormat(w / 2 * 2, h / 2 * 2, num, den, 48_000, 2, o.video());
  }
}
