package dev.reel.stats;

/**
 * Percentiles and moments of recorded durations, all in microseconds (the HdrHistogram values: each
 * within 0.1% of the exact sample).
 */
public record LatencySummary(
    long count,
    long p50Micros,
    long p90Micros,
    long p95Micros,
    long p99Micros,
    long p999Micros,
    long maxMicros,
    long minMicros,
    double meanMicros,
    double stddevMicros) {

  public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
