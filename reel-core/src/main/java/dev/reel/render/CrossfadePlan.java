package dev.reel.render;

import java.util.ArrayList;
import java.util.List;

/**
 * What an encoded render encodes when clips cross-fade: each clip's core (the part seen alone), and
 * for each pair of neighbours the last seconds of the first and the first seconds of the next,
 * which are blended into the transition. A fade lasts whole frames and at most a third of either
 * clip; without fades every clip is one core piece.
 */
final class CrossfadePlan {
  private CrossfadePlan() {}

  /** What a piece is for. */
  enum Role {
    CORE,
    TAIL,
    HEAD
  }

  /**
   * One segment to encode.
   *
   * @param clip the index of its clip in the timeline
   * @param transition for a TAIL or HEAD, the index of the transition (from clip {@code transition}
   *     to {@code transition + 1}); -1 for a core
   */
  record Piece(
      RenderJob.Usable usable, int clip, Role role, int transition, double from, double to) {}

  /** The fades between clip k and k + 1, in seconds (0 where the clips are too short). */
  static double[] fades(List<RenderJob.Usable> clips, double seconds, double fps) {
    double[] out = new double[Math.max(0, clips.size() - 1)];
    for (int k = 0; k + 1 < clips.size(); k++) {
      double a = clips.get(k).end() - clips.get(k).start();
      double b = clips.get(k + 1).end() - clips.get(k + 1).start();
      double d = Math.min(seconds, Math.min(a, b) / 3);
      long frames = (long) Math.floor(d * fps + 1e-6);
      out[k] = frames < 1 ? 0 : frames / fps;
    }
    return out;
  }

  /** The pieces to encode, cores in timeline order with each transition's tail and head. */
  static List<Piece> pieces(List<RenderJob.Usable> clips, double[] fades) {
    List<Piece> out = new ArrayList<>();
    for (int k = 0; k < clips.size(); k++) {
      RenderJob.Usable u = clips.get(k);
      double in = k > 0 ? fades[k - 1] : 0;
      double outFade = k < fades.length ? fades[k] : 0;
      if (in > 0) {
        out.add(new Piece(u, k, Role.HEAD, k - 1, u.start(), u.start() + in));
      }
      out.add(new Piece(u, k, Role.CORE, -1, u.start() + in, u.end() - outFade));
      if (outFade > 0) {
        out.add(new Piece(u, k, Role.TAIL, k, u.end() - outFade, u.end()));
      }
    }
    return out;
  }
}
