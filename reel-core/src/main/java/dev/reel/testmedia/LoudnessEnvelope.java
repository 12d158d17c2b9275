package dev.reel.testmedia;

import dev.reel.media.PcmSource;
import java.util.List;
import java.util.Objects;

/**
 * Audio whose loudness over time is given as a list of parts (silence everywhere else): steady
 * tones, steady noise, and short noise bursts at given times and levels. Parts that overlap add up.
 * Levels are dBFS of the part's peak (0 dBFS is full scale).
 *
 * <p>Noise is a hash of the sample index, so any block of the track can be produced independently
 * and the same envelope always gives the same samples.
 */
public record LoudnessEnvelope(List<Part> parts) implements PcmSource {

  public LoudnessEnvelope {
    parts = List.copyOf(parts);
  }

  /** Silence throughout. */
  public static LoudnessEnvelope silence() {
    return new LoudnessEnvelope(List.of());
  }

  /** A steady tone over the whole track. */
  public static LoudnessEnvelope tone(double hz, double dbfs) {
    return new LoudnessEnvelope(List.of(new Part(Kind.TONE, 0, Double.MAX_VALUE, hz, dbfs)));
  }

  /** This envelope plus another part. */
  public LoudnessEnvelope with(Part part) {
    var all = new java.util.ArrayList<>(parts);
    all.add(part);
    return new LoudnessEnvelope(all);
  }

  /** The kinds of sound a part can be. */
  public enum Kind {
    TONE,
    NOISE,
    /** Clicks (20 ms of decaying noise) on every beat, the part's {@code hz} being beats/minute. */
    CLICKS
  }

  /**
   * One part of an envelope.
   *
   * @param fromSeconds where it starts
   * @param toSeconds where it ends (exclusive)
   * @param hz the tone's frequency (ignored for noise)
   * @param dbfs the peak level
   */
  public record Part(Kind kind, double fromSeconds, double toSeconds, double hz, double dbfs) {
    public Part {
      Objects.requireNonNull(kind, "kind");
      if (!(fromSeconds >= 0) || !(toSeconds > fromSeconds)) {
        throw new IllegalArgumentException(
            "part from " + fromSeconds + "s to " + toSeconds + "s is empty or negative");
      }
      if (dbfs > 0) {
        throw new IllegalArgumentException("level " + dbfs + " dBFS must be at most 0");
      }
    }

    /** Noise from {@code atSeconds} lasting {@code seconds}. */
    public static Part burst(double atSeconds, double seconds, double dbfs) {
      return new Part(Kind.NOISE, atSeconds, atSeconds + seconds, 0, dbfs);
    }

    /** Steady noise over the whole track. */
    public static Part noise(double dbfs) {
      return new Part(Kind.NOISE, 0, Double.MAX_VALUE, 0, dbfs);
    }

    double amplitude() {
      return Math.pow(10, dbfs / 20);
    }
  }

  @Override
  public void fill(long first, float[] out, int count, int sampleRate) {
    java.util.Arrays.fill(out, 0, count, 0f);
    long end = first + count;
    for (Part p : parts) {
      long from = Math.max(first, (long) Math.ceil(p.fromSeconds() * sampleRate));
      long to =
          Math.min(
              end,
              p.toSeconds() >= Double.MAX_VALUE / 2
                  ? end
                  : (long) Math.ceil(p.toSeconds() * sampleRate));
      if (from >= to) {
        continue;
      }
      double amp = p.amplitude();
      if (p.kind() == Kind.TONE) {
        double step = 2 * Math.PI * p.hz() / sampleRate;
        // sin by rotation: exact enough for test audio and far cheaper than Math.sin per sample
        double c = Math.cos(step);
        double s = Math.sin(step);
        double phase = (from * step) % (2 * Math.PI);
        double re = Math.cos(phase);
        double im = Math.sin(phase);
        for (long i = from; i < to; i++) {
          out[(int) (i - first)] += (float) (amp * im);
          double nre = re * c - im * s;
          im = re * s + im * c;
          re = nre;
        }
      } else if (p.kind() == Kind.CLICKS) {
        double period = 60.0 / p.hz() * sampleRate;
        double start = p.fromSeconds() * sampleRate;
        double decay = 0.004 * sampleRate;
        for (long i = from; i < to; i++) {
          double into = (i - start) % period;
          if (into < 0.02 * sampleRate) {
            out[(int) (i - first)] += (float) (amp * noise(i) * Math.exp(-into / decay));
          }
        }
      } else {
        for (long i = from; i < to; i++) {
          out[(int) (i - first)] += (float) (amp * noise(i));
        }
      }
    }
    for (int i = 0; i < count; i++) {
      out[i] = Math.max(-1f, Math.min(1f, out[i]));
    }
  }

  /** A uniform value in [-1, 1) from the sample index (SplitMix64 finaliser). */
  private static double noise(long index) {
    long z = index * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-52 - 1.0;
  }
}
