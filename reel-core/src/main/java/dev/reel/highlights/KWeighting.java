package dev.reel.highlights;

/**
 * The K-weighting filter of ITU-R BS.1770 (EBU R128 loudness): a high shelf of about +4 dB above
 * 1.5 kHz (the head's acoustic effect) followed by a high pass at about 38 Hz (RLB weighting), two
 * biquads designed for the given sample rate with the bilinear transform from the standard's analog
 * prototypes. State persists across blocks, so a stream can be filtered block by block.
 */
final class KWeighting {
  private final double b0;
  private final double b1;
  private final double b2;
  private final double a1;
  private final double a2;
  private final double c1;
  private final double c2;
  private double x1;
  private double x2;
  private double y1;
  private double y2;
  private double u1;
  private double u2;
  private double z1;
  private double z2;

  KWeighting(int sampleRate) {
    double fs = sampleRate;
    // stage 1: high shelf
    double f0 = 1681.974450955533;
    double gainDb = 3.999843853973347;
    double q = 0.7071752369554196;
    double k = Math.tan(Math.PI * f0 / fs);
    double vh = Math.pow(10, gainDb / 20);
    double vb = Math.pow(vh, 0.4996667741545416);
    double a0 = 1 + k / q + k * k;
    b0 = (vh + vb * k / q + k * k) / a0;
    b1 = 2 * (k * k - vh) / a0;
    b2 = (vh - vb * k / q + k * k) / a0;
    a1 = 2 * (k * k - 1) / a0;
    a2 = (1 - k / q + k * k) / a0;
    // stage 2: high pass (numerator 1, -2, 1)
    double f1 = 38.13547087602444;
    double q1 = 0.5003270373238773;
    double k1 = Math.tan(Math.PI * f1 / fs);
    double d0 = 1 + k1 / q1 + k1 * k1;
    c1 = 2 * (k1 * k1 - 1) / d0;
    c2 = (1 - k1 / q1 + k1 * k1) / d0;
  }

  /** Filters one sample. */
  double next(double x) {
    double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
    double z = y - 2 * u1 + u2 - c1 * z1 - c2 * z2;
    u2 = u1;
    u1 = y;
    z2 = z1;
    z1 = z;
    return z;
  }
}
