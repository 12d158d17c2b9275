package dev.reel.prewarm;

import java.util.Locale;

/** How each derivative is requested. */
public enum RequestMethod {
  /** GET and read the whole body (discarded, counted): what makes a CDN cache the object. */
  GET,
  /** HEAD: headers only; size from Content-Length. */
  HEAD,
  /** GET with {@code Range: bytes=0-0}: one byte; size from Content-Range. */
  RANGE;

  public static RequestMethod parse(String text) {
    try {
      return valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--method must be get, head or range, not '" + text + "'");
    }
  }

  String httpMethod() {
    return this == HEAD ? "HEAD" : "GET";
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
