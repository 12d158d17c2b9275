package dev.reel.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the beats of a piece of music from its samples: an onset strength envelope (spectral flux
 * of log magnitudes, 1024-sample windows every 512 samples), the tempo as the strongest period of
 * the envelope's autocorrelation between 60 and 200 beats per minute (leaning towards 120, where
 * most music is), then the beats by dynamic programming: the chain of onsets that is strongest
 * while keeping to that period (D. Ellis, "Beat Tracking by Dynamic Programming", 2007).
 *
 * <p>Feed it samples in order with {@link #add}; {@link #beats()} gives the result. Memory is one
 * float per 512 samples (about 2.5 MB for an hour at 22 kHz).
 */
public final class BeatTracker {
  static final int WINDOW = 1024;
  static final int HOP = 512;
  private static final double MIN_BPM = 60;
  private static final double MAX_BPM = 200;
  private static final double PREFERRED_BPM = 120;

  /** How hard the dynamic programme holds to the tempo (Ellis' "tightness"). */
  private static final double TIGHTNESS = 100;

  /**
   * Below this spread of onset strengths (sums of log-magnitude rises over 513 bins) nothing in the
   * music starts: a steady tone has about 1.6 (leakage between windows), clicks at -20 dB under
   * noise as loud about 20 (noise alone is turned away by its lack of a pulse).
   */
  private static final double MIN_SPREAD = 5.0;

  /** Below this {@link #periodicity} the onsets have no pulse. */
  private static final double MIN_PERIODICITY = 0.2;

  private final int sampleRate;
  private final float[] window = new float[WINDOW];
  private final double[] hann = new double[WINDOW];
  private final double[] re = new double[WINDOW];
  private final double[] im = new double[WINDOW];
  private double[] previous;
  private int filled;
  private float[] onsets = new float[1024];
  private int frames;

  /** The beats found and the tempo they keep. */
  public record Beats(double bpm, List<Double> seconds) {
    public Beats {
      seconds = List.copyOf(seconds);
    }

    /** The beat nearest to {@code t} (seconds), or {@code t} when there are none. */
    public double nearest(double t) {
      int lo = 0;
      int hi = seconds.size() - 1;
      if (hi < 0) {
        return t;
      }
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (seconds.get(mid) < t) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      double after = seconds.get(lo);
      double before = lo > 0 ? seconds.get(lo - 1) : after;
      return Math.abs(after - t) < Math.abs(t - before) ? after : before;
    }
  }

  public BeatTracker(int sampleRate) {
    if (sampleRate < 8000) {
      throw new IllegalArgumentException("beat tracking needs at least 8 kHz, not " + sampleRate);
    }
    this.sampleRate = sampleRate;
    for (int i = 0; i < WINDOW; i++) {
      hann[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / WINDOW);
    }
  }

  /** Adds {@code count} mono samples of {@code samples}, the next ones of the music. */
  public void add(float[] samples, int count) {
    int i = 0;
    while (i < count) {
      int n = Math.min(WINDOW - filled, count - i);
      System.arraycopy(samples, i, window, filled, n);
      filled += n;
      i += n;
      if (filled == WINDOW) {
        frame();
        System.arraycopy(window, HOP, window, 0, WINDOW - HOP);
        filled = WINDOW - HOP;
      }
    }
  }

  private void frame() {
    for (int i = 0; i < WINDOW; i++) {
      re[i] = window[i] * hann[i];
      im[i] = 0;
    }
    Fft.transform(re, im);
    int bins = WINDOW / 2 + 1;
    double[] mag = new double[bins];
    for (int k = 0; k < bins; k++) {
      mag[k] = Math.log1p(1000 * Math.hypot(re[k], im[k]));
    }
    double flux = 0;
    if (previous != null) {
      for (int k = 0; k < bins; k++) {
        double d = mag[k] - previous[k];
        if (d > 0) {
          flux += d;
        }
      }
    }
    previous = mag;
    if (frames == onsets.length) {
      onsets = java.util.Arrays.copyOf(onsets, frames * 2);
    }
    onsets[frames++] = (float) flux;
  }

  /** The seconds at which onset frame {@code i} is heard (its window's middle). */
  double seconds(int frame) {
    return (frame * (double) HOP + WINDOW / 2.0) / sampleRate;
  }

  /** The tempo and the beats, from the samples added so far. */
  public Beats beats() {
    if (frames < 16) {
      return new Beats(0, List.of());
    }
    if (spread() < MIN_SPREAD) {
      return new Beats(0, List.of()); // a steady sound: nothing starts, there is no beat
    }
    double[] env = normalised();
    double framesPerSecond = sampleRate / (double) HOP;
    double[] smooth = smoothed(env);
    double period = period(smooth, framesPerSecond);
    if (periodicity(smooth, period) < MIN_PERIODICITY) {
      return new Beats(0, List.of()); // onsets, but no pulse: noise, speech
    }
    return new Beats(60 * framesPerSecond / period, track(env, period));
  }

  /**
   * How strongly the envelope repeats after {@code period} frames: its autocorrelation there over
   * its energy, the mean removed (0 for noise, near 1 for a click track).
   */
  private static double periodicity(double[] env, double period) {
    double mean = 0;
    for (double v : env) {
      mean += v;
    }
    mean /= env.length;
    int lag = (int) Math.round(period);
    double energy = 0;
    double at = 0;
    for (int i = 0; i < env.length; i++) {
      double v = env[i] - mean;
      energy += v * v;
      if (i >= lag) {
        at += v * (env[i - lag] - mean);
      }
    }
    return energy > 0 ? at / energy : 0;
  }

  /** The mean of the raw onset strengths. */
  private double mean() {
    double mean = 0;
    for (int i = 0; i < frames; i++) {
      mean += onsets[i];
    }
    return mean / frames;
  }

  /** The standard deviation of the raw onset strengths. */
  private double spread() {
    double mean = mean();
    double var = 0;
    for (int i = 0; i < frames; i++) {
      var += (onsets[i] - mean) * (onsets[i] - mean);
    }
    return Math.sqrt(var / frames);
  }

  /** The envelope above its mean, scaled to unit spread. */
  private double[] normalised() {
    double[] env = new double[frames];
    double mean = mean();
    double sd = spread();
    for (int i = 0; i < frames; i++) {
      env[i] = sd > 0 ? Math.max(0, (onsets[i] - mean) / sd) : 0;
    }
    return env;
  }

  /**
   * The envelope smoothed over about 3 frames: a beat period is rarely a whole number of frames,
   * and without this an impulse train correlates better at twice its period than at its period.
   */
  private static double[] smoothed(double[] env) {
    double[] k = {0.06, 0.24, 0.4, 0.24, 0.06};
    double[] out = new double[env.length];
    for (int i = 0; i < env.length; i++) {
      double s = 0;
      for (int j = -2; j <= 2; j++) {
        int at = i + j;
        if (at >= 0 && at < env.length) {
          s += k[j + 2] * env[at];
        }
      }
      out[i] = s;
    }
    return out;
  }

  /** The beat period in frames (fractional): the best-scoring autocorrelation lag. */
  private double period(double[] env, double framesPerSecond) {
    int minLag = (int) Math.floor(60 * framesPerSecond / MAX_BPM);
    int maxLag = (int) Math.ceil(60 * framesPerSecond / MIN_BPM);
    maxLag = Math.min(maxLag, env.length - 1);
    double best = -1;
    int bestLag = Math.max(1, minLag);
    double[] ac = new double[maxLag + 2];
    for (int lag = Math.max(1, minLag - 1); lag <= Math.min(maxLag + 1, env.length - 1); lag++) {
      double s = 0;
      for (int i = lag; i < env.length; i++) {
        s += env[i] * env[i - lag];
      }
      ac[lag] = s / (env.length - lag);
    }
    for (int lag = Math.max(1, minLag); lag <= maxLag; lag++) {
      double bpm = 60 * framesPerSecond / lag;
      double octaves = Math.log(bpm / PREFERRED_BPM) / Math.log(2);
      double weight = Math.exp(-0.5 * octaves * octaves / (1.0 * 1.0));
      double score = ac[lag] * weight;
      if (score > best) {
        best = score;
        bestLag = lag;
      }
    }
    // a parabola through the peak and its neighbours gives the period between frames
    if (bestLag > 1 && bestLag + 1 < ac.length) {
      double a = ac[bestLag - 1];
      double b = ac[bestLag];
      double c = ac[bestLag + 1];
      double den = a - 2 * b + c;
      if (den < 0) {
        double shift = 0.5 * (a - c) / den;
        if (Math.abs(shift) < 1) {
          return bestLag + shift;
        }
      }
    }
    return bestLag;
  }

  /** The strongest chain of onsets that keeps to {@code period} frames between beats. */
  private List<Double> track(double[] env, double period) {
    int n = env.length;
    double[] score = new double[n];
    int[] from = new int[n];
    int lo = (int) Math.round(period / 2);
    int hi = (int) Math.round(period * 2);
    for (int t = 0; t < n; t++) {
      double bestPrev = Double.NEGATIVE_INFINITY;
      int arg = -1;
      for (int p = t - hi; p <= t - lo; p++) {
        if (p < 0) {
          continue;
        }
        double x = Math.log((t - p) / period);
        double s = score[p] - TIGHTNESS * x * x;
        if (s > bestPrev) {
          bestPrev = s;
          arg = p;
        }
      }
      score[t] = env[t] + (arg >= 0 ? Math.max(0, bestPrev) : 0);
      from[t] = arg >= 0 && bestPrev > 0 ? arg : -1;
    }
    // the chain ends at the best score within the last period
    int end = n - 1;
    for (int t = Math.max(0, n - (int) Math.ceil(period)); t < n; t++) {
      if (score[t] > score[end]) {
        end = t;
      }
    }
    List<Integer> chain = new ArrayList<>();
    for (int t = end; t >= 0; t = from[t]) {
      chain.add(t);
    }
    List<Double> out = new ArrayList<>(chain.size());
    for (int i = chain.size() - 1; i >= 0; i--) {
      out.add(seconds(chain.get(i)));
    }
    return out;
  }
}
