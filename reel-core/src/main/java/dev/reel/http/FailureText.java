package dev.reel.http;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import javax.net.ssl.SSLException;

/** Sorts a network exception into a failure kind with a one-line message. */
final class FailureText {
  private FailureText() {}

  static HttpOutcome.FailureKind kind(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return HttpOutcome.FailureKind.DNS;
      }
      if (t instanceof SSLException) {
        return HttpOutcome.FailureKind.TLS;
      }
      if (t instanceof ConnectTimeoutException) {
        return HttpOutcome.FailureKind.TIMEOUT;
      }
    }
    return HttpOutcome.FailureKind.CONNECTION;
  }

  static String message(Throwable error, HttpRequestSpec spec) {
    String where = spec.endpoint().host() + ":" + spec.endpoint().port();
    Throwable root = error;
    for (Throwable t = error; t != null; t = t.getCause()) {
      root = t;
      if (t instanceof UnknownHostException
          || t instanceof SSLException
          || t instanceof ConnectException) {
        break;
      }
    }
    return switch (kind(error)) {
      case DNS -> "unknown host " + spec.endpoint().host();
      case TLS -> "tls failure with " + where + ": " + text(root);
      case TIMEOUT -> "connect to " + where + " timed out";
      default ->
          root instanceof ClosedChannelException
              ? "connection to " + where + " closed"
              : "connection to " + where + " failed: " + text(root);
    };
  }

  /**
   * The first line of an exception's message, without the native call and the address Netty's epoll
   * transport puts around it ("finishConnect(..) failed with error(-111): Connection refused:
   * /127.0.0.1:1" becomes "connection refused").
   */
  private static String text(Throwable t) {
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int nl = m.indexOf('\n');
    m = nl < 0 ? m : m.substring(0, nl);
    int call = m.indexOf("): ");
    if (m.contains("(..) failed") && call > 0) {
      m = m.substring(call + 3);
    }
    int address = m.lastIndexOf(": /");
    if (address > 0) {
      m = m.substring(0, address);
    }
    return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
  }
}
