package dev.reel.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves each clip's end so that the cut lands on a beat of the music: the clip ends where the beat
 * nearest to its own end falls on the output timeline. A clip keeps at least half its length (and
 * at least half a second, when it had that much), never runs past the end of its source, and
 * lengths are whole frames, so that the cuts of an encoded render land where they were planned.
 */
final class BeatSnap {
  private BeatSnap() {}

  /**
   * @param frameSeconds the output's frame duration
   * @return the clips with their new ends, in the same order
   */
  static List<RenderJob.Usable> snap(
      List<RenderJob.Usable> clips, BeatTracker.Beats beats, double frameSeconds) {
    List<Double> b = beats.seconds();
    if (b.isEmpty()) {
      return clips;
    }
    List<RenderJob.Usable> out = new ArrayList<>(clips.size());
    double running = 0;
    for (RenderJob.Usable u : clips) {
      double length = u.end() - u.start();
      double shortest = Math.min(length, Math.max(0.5, length / 2));
      Double duration = u.source().durationSeconds();
      double longest = duration == null ? Double.MAX_VALUE : duration - u.start();
      double want = running + length;
      double best = Double.NaN;
      for (double beat : b) {
        double len = beat - running;
        if (len < shortest - 1e-9 || len > longest + 1e-9) {
          continue;
        }
        if (Double.isNaN(best) || Math.abs(beat - want) < Math.abs(best - want)) {
          best = beat;
        }
        if (beat > want && !Double.isNaN(best)) {
          break;
        }
      }
      double newLength = Double.isNaN(best) ? length : best - running;
      newLength = Math.max(frameSeconds, Math.round(newLength / frameSeconds) * frameSeconds);
      newLength = Math.min(newLength, longest);
      out.add(
          new RenderJob.Usable(u.number(), u.clip(), u.source(), u.start(), u.start() + newLength));
      running += newLength;
    }
    return out;
  }
}
