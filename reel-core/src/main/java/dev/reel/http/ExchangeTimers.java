package dev.reel.http;

/**
 * The first-byte and total time limits of an exchange, in nanoseconds.
 *
 * @param firstByteNanos from sending to the status line
 * @param totalNanos from sending (or connecting) to the end of the body
 */
record ExchangeTimers(long firstByteNanos, long totalNanos) {}
