package dev.reel.spark.prewarm;

import java.io.Serializable;
import java.util.List;

/**
 * What one prewarm partition sends back to the driver: its statistics in their compact encoding
 * (compressed histograms), its counts, and the first few problem lines.
 *
 * @param stats {@code PrewarmStats.encode()} of the partition (resumed results included)
 * @param seconds the partition's wall time (its file's earlier parts included)
 * @param notMade requests not made because of a stop (a resume makes them)
 */
record PartOutcome(
    int partition,
    byte[] stats,
    long ok,
    long failed,
    long skipped,
    long notMade,
    double seconds,
    boolean stopped,
    List<String> problems)
    implements Serializable {}
