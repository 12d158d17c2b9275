package dev.reel.render;

/**
 * An in-place radix-2 complex FFT, for the beat tracker's 1024-sample windows. Small enough to own
 * (JTransforms would bring two more jars for one transform size).
 */
final class Fft {
  private Fft() {}

  /** Transforms {@code re}/{@code im} in place; their length must be a power of two. */
  static void transform(double[] re, double[] im) {
    int n = re.length;
    if (Integer.bitCount(n) != 1 || im.length != n) {
      throw new IllegalArgumentException("the FFT needs two arrays of one power-of-two length");
    }
    for (int i = 1, j = 0; i < n; i++) {
      int bit = n >> 1;
      for (; (j & bit) != 0; bit >>= 1) {
        j ^= bit;
      }
      j ^= bit;
      if (i < j) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
    for (int len = 2; len <= n; len <<= 1) {
      double angle = -2 * Math.PI / len;
      double wr = Math.cos(angle);
      double wi = Math.sin(angle);
      for (int i = 0; i < n; i += len) {
        double cr = 1;
        double ci = 0;
        for (int k = 0; k < len / 2; k++) {
          int a = i + k;
          int b = a + len / 2;
          double xr = re[b] * cr - im[b] * ci;
          double xi = re[b] * ci + im[b] * cr;
          re[b] = re[a] - xr;
          im[b] = im[a] - xi;
          re[a] += xr;
          im[a] += xi;
          double nr = cr * wr - ci * wi;
          ci = cr * wi + ci * wr;
          cr = nr;
        }
      }
    }
  }
}
