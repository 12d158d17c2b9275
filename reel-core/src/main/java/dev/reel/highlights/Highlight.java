package dev.reel.highlights;

import java.nio.file.Path;

/**
 * A detection with its clip: where the clip was meant to be, and what was made of it.
 *
 * @param number its place in time order within its file, from 1
 * @param clipStart the clip's wanted start in the source
 * @param clipEnd the clip's wanted end
 * @param clip the clip file, or null when none was cut
 * @param cutStart where the clip really starts (a keyframe), or NaN
 * @param problem why the clip could not be cut, or null
 */
public record Highlight(
    int number,
    Detection detection,
    double clipStart,
    double clipEnd,
    Path clip,
    double cutStart,
    String problem) {

  Highlight withClip(Path file, double start) {
    return new Highlight(number, detection, clipStart, clipEnd, file, start, null);
  }

  Highlight withProblem(String why) {
    return new Highlight(number, detection, clipStart, clipEnd, null, Double.NaN, why);
  }
}
