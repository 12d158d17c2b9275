package dev.reel.highlights;

import dev.reel.media.AudioDecoder;
import java.nio.file.Path;
import java.util.List;

/**
 * What the analysis of one file found.
 *
 * @param folder where this file's outputs go
 * @param thresholdDb the threshold used
 * @param automatic whether it was derived from the file's levels
 * @param picture the levels reduced for drawing: the loudest window of each of at most 2,000
 *     columns
 */
public record FileHighlights(
    Path file,
    Path folder,
    LoudnessMeasure measure,
    AudioDecoder.Track track,
    double durationSeconds,
    double windowSeconds,
    LevelProfile.Stats stats,
    double thresholdDb,
    boolean automatic,
    float[] picture,
    List<Highlight> highlights) {

  public FileHighlights {
    highlights = List.copyOf(highlights);
  }

  FileHighlights with(List<Highlight> h) {
    return new FileHighlights(
        file,
        folder,
        measure,
        track,
        durationSeconds,
        windowSeconds,
        stats,
        thresholdDb,
        automatic,
        picture,
        h);
  }
}
