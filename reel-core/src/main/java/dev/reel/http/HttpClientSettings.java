package dev.reel.http;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How the client behaves.
 *
 * @param maxConnectionsPerHost open connections per (scheme, host, port); requests beyond wait
 * @param connectTimeout time to open a connection (and finish TLS)
 * @param firstByteTimeout time from sending to the status line
 * @param totalTimeout time for the whole exchange, body included
 * @param insecure skip TLS certificate and host name checks
 * @param keptHeaders response headers to keep in {@link HttpOutcome.Response#headers()}
 * @param ioThreads event-loop threads
 */
public record HttpClientSettings(
    int maxConnectionsPerHost,
    Duration connectTimeout,
    Duration firstByteTimeout,
    Duration totalTimeout,
    boolean insecure,
    List<String> keptHeaders,
    int ioThreads) {

  public HttpClientSettings {
    if (maxConnectionsPerHost < 1) {
      throw new IllegalArgumentException(
          "connections per host must be at least 1, not " + maxConnectionsPerHost);
    }
    if (ioThreads < 1) {
      throw new IllegalArgumentException("io threads must be at least 1, not " + ioThreads);
    }
    requirePositive(connectTimeout, "connect timeout");
    requirePositive(firstByteTimeout, "first-byte timeout");
    requirePositive(totalTimeout, "total timeout");
    keptHeaders = keptHeaders.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
  }

  private static void requirePositive(Duration d, String what) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, not " + d);
    }
  }
}
