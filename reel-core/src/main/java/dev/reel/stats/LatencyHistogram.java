package dev.reel.stats;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Records durations in microseconds into an HdrHistogram with three significant digits. Memory
 * stays bounded (tens of KB) whatever the count; percentiles are exact to 0.1% of the value. Not
 * thread-safe: callers guard it.
 */
public final class LatencyHistogram {
  private final Histogram histogram;

  public LatencyHistogram() {
    this(new Histogram(3));
  }

  private LatencyHistogram(Histogram histogram) {
    this.histogram = histogram;
    histogram.setAutoResize(true);
  }

  /**
   * The histogram in HdrHistogram's compressed encoding (a few KB), to travel between machines;
   * {@link #decode} gives it back with every count as recorded.
   */
  public byte[] encode() {
    ByteBuffer buf = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int n = histogram.encodeIntoCompressedByteBuffer(buf);
    byte[] out = new byte[n];
    buf.flip();
    buf.get(out);
    return out;
  }

  /**
   * A histogram from {@link #encode}'s bytes.
   *
   * @throws IllegalArgumentException when the bytes are not such an encoding
   */
  public static LatencyHistogram decode(byte[] bytes) {
    try {
      return new LatencyHistogram(
          Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0));
    } catch (DataFormatException | RuntimeException e) {
      throw new IllegalArgumentException("not an encoded latency histogram: " + e.getMessage(), e);
    }
  }

  /** Records one duration, in microseconds. */
  public void recordMicros(long micros) {
    histogram.recordValue(Math.max(0, micros));
  }

  public long count() {
    return histogram.getTotalCount();
  }

  /** Adds everything {@code other} has recorded. */
  public void add(LatencyHistogram other) {
    histogram.add(other.histogram);
  }

  /** The value at {@code percentile} (0-100) in microseconds; 0 when empty. */
  public long percentileMicros(double percentile) {
    return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile);
  }

  /** The summary reports print. */
  public LatencySummary summary() {
    if (histogram.getTotalCount() == 0) {
      return LatencySummary.EMPTY;
    }
    return new LatencySummary(
        histogram.getTotalCount(),
        histogram.getValueAtPercentile(50),
        histogram.getValueAtPercentile(90),
        histogram.getValueAtPercentile(95),
        histogram.getValueAtPercentile(99),
        histogram.getValueAtPercentile(99.9),
        histogram.getMaxValue(),
        histogram.getMinValue(),
        histogram.getMean(),
        histogram.getStdDeviation());
  }

  /**
   * Points of the percentile curve for charts: (percentile, microseconds) pairs at 0, 50, 75,
   * 87.5... up to 99.999 and 100.
   */
  public double[][] percentileCurve() {
    if (histogram.getTotalCount() == 0) {
      return new double[0][];
    }
    double[] ps = {0, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.999, 100};
    double[][] out = new double[ps.length][];
    for (int i = 0; i < ps.length; i++) {
      out[i] = new double[] {ps[i], histogram.getValueAtPercentile(ps[i])};
    }
    return out;
  }
}
