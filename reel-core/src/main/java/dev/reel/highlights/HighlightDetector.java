package dev.reel.highlights;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Finds the loud moments in a level profile, in one pass over the windows.
 *
 * <p>Each window is tested against the rules (see {@link DetectorSettings}): spike first, then jump
 * over the rolling average of the windows before it, then sustained. Counted windows closer than
 * the minimum gap join one detection; a detection's level is the peak window's, its mean the mean
 * power of its counted windows.
 */
public final class HighlightDetector {
  private final DetectorSettings settings;

  public HighlightDetector(DetectorSettings settings) {
    this.settings = settings;
  }

  public List<Detection> detect(LevelProfile profile) {
    float[] levels = profile.levels();
    double w = profile.windowSeconds();
    int rollingWindows = Math.max(1, (int) Math.round(settings.rolling().toNanos() / 1e9 / w));
    int gapWindows = (int) Math.round(settings.minGap().toNanos() / 1e9 / w);
    double t = settings.thresholdDb();
    List<Detection> out = new ArrayList<>();
    Deque<Boolean> recent = new ArrayDeque<>();
    int aboveInRecent = 0;
    double rollingPower = 0;
    Deque<Double> rollingValues = new ArrayDeque<>();
    Open open = null;
    for (int i = 0; i < levels.length; i++) {
      double l = levels[i];
      boolean above = l > t;
      recent.addLast(above);
      if (above) {
        aboveInRecent++;
      }
      if (recent.size() > settings.sustainN() && recent.removeFirst()) {
        aboveInRecent--;
      }
      double average =
          rollingValues.isEmpty()
              ? LoudnessWindows.FLOOR_DB
              : LoudnessWindows.toDb(rollingPower / rollingValues.size());
      Detection.Rule rule = null;
      if (above) {
        if (l >= t + settings.spikeDb()) {
          rule = Detection.Rule.SPIKE;
        } else if (l >= average + settings.jumpDb()) {
          rule = Detection.Rule.JUMP;
        } else if (aboveInRecent >= settings.sustainK()) {
          rule = Detection.Rule.SUSTAINED;
        }
      }
      double power = Math.pow(10, l / 10);
      rollingValues.addLast(power);
      rollingPower += power;
      if (rollingValues.size() > rollingWindows) {
        rollingPower -= rollingValues.removeFirst();
      }
      if (rule != null) {
        if (open != null && i - open.last - 1 > gapWindows) {
          out.add(open.close(w, t));
          open = null;
        }
        if (open == null) {
          open = new Open(i);
        }
        open.add(i, l, rule);
      }
    }
    if (open != null) {
      out.add(open.close(w, t));
    }
    return out;
  }

  /** A detection still growing. */
  private static final class Open {
    final int first;
    int last;
    int peak;
    double peakDb = Double.NEGATIVE_INFINITY;
    Detection.Rule peakRule;
    double power;
    int counted;

    Open(int first) {
      this.first = first;
      this.last = first;
    }

    void add(int i, double l, Detection.Rule rule) {
      last = i;
      counted++;
      power += Math.pow(10, l / 10);
      if (l > peakDb) {
        peakDb = l;
        peak = i;
        peakRule = rule;
      }
    }

    Detection close(double w, double threshold) {
      double start = first * w;
      double end = (last + 1) * w;
      double score = (peakDb - threshold) + 3 * (Math.log(1 + (end - start)) / Math.log(2));
      return new Detection(
          start, end, peak * w, peakDb, LoudnessWindows.toDb(power / counted), peakRule, score);
    }
  }
}
