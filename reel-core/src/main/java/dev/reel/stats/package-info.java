/**
 * Latency statistics in bounded memory: HdrHistogram-backed recorders with three significant digits
 * (any value is within 0.1% of its bucket), and the summaries reports print.
 */
package dev.reel.stats;
