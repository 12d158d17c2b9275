package dev.reel.spark.highlights;

import dev.reel.highlights.HighlightsRequest;
import dev.reel.highlights.LoudnessMeasure;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A highlights request in a form that travels to executors (paths as text), less its inputs: each
 * partition brings its own.
 */
record HighlightsPlan(
    String out,
    Duration window,
    LoudnessMeasure measure,
    Double thresholdDb,
    HighlightsRequest.Rules rules,
    HighlightsRequest.Clips clips,
    int maxClips,
    int workers,
    int parts)
    implements Serializable {

  static HighlightsPlan of(HighlightsRequest r) {
    return new HighlightsPlan(
        r.out().toString(),
        r.window(),
        r.measure(),
        r.thresholdDb(),
        r.rules(),
        r.clips(),
        r.maxClips(),
        r.workers(),
        r.parts());
  }

  /** The request for one partition's files (no --top: it chooses across the whole batch). */
  HighlightsRequest request(List<Path> inputs) {
    return new HighlightsRequest(
        inputs,
        Path.of(out),
        window,
        measure,
        thresholdDb,
        rules,
        clips,
        maxClips,
        0,
        Math.max(1, Math.min(workers, inputs.size())),
        parts);
  }
}
