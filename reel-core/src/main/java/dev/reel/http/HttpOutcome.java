package dev.reel.http;

import java.util.Map;
import java.util.Objects;

/** What came of one request: a response (any status), or a failure before a full response. */
public sealed interface HttpOutcome {

  /** Nanoseconds from sending (or connecting, on a new connection) to the end. */
  long totalNanos();

  /**
   * A complete response.
   *
   * @param ttfbNanos nanoseconds until the status line arrived
   * @param bodyBytes body bytes read (0 for HEAD)
   * @param headers the kept response headers, names in lower case
   */
  record Response(
      int status, long ttfbNanos, long totalNanos, long bodyBytes, Map<String, String> headers)
      implements HttpOutcome {
    public Response {
      headers = Map.copyOf(headers);
    }

    /** A kept header's value, or null. */
    public String header(String lowerCaseName) {
      return headers.get(lowerCaseName);
    }
  }

  /**
   * No complete response.
   *
   * @param ttfbNanos nanoseconds until the status line arrived, or -1 if none did
   */
  record Failed(FailureKind kind, String message, long ttfbNanos, long totalNanos)
      implements HttpOutcome {
    public Failed {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(message, "message");
    }
  }

  /** Why a request got no complete response. */
  enum FailureKind {
    /** A connect, first-byte or total timeout. */
    TIMEOUT,
    /** Connection refused, reset or closed early. */
    CONNECTION,
    /** The host name did not resolve. */
    DNS,
    /** The TLS handshake failed (certificate, protocol). */
    TLS,
    /** The client was closed while the request was in flight. */
    CANCELLED
  }
}
