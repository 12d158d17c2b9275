package dev.reel.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One request to send: method ({@code GET} or {@code HEAD}), an absolute http(s) URI, and extra
 * headers (name, value) in order.
 */
public record HttpRequestSpec(String method, URI uri, List<Header> headers) {

  /** A request header. */
  public record Header(String name, String value) {
    public Header {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  public HttpRequestSpec {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("not an http(s) URL: " + uri);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("no host in URL: " + uri);
    }
    headers = List.copyOf(headers);
  }

  boolean secure() {
    return uri.getScheme().equalsIgnoreCase("https");
  }

  int port() {
    return uri.getPort() != -1 ? uri.getPort() : secure() ? 443 : 80;
  }

  /** The path and query as sent on the request line. */
  String target() {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  /** The Host header: the host, and the port when it is not the scheme's default. */
  String hostHeader() {
    String host = uri.getHost();
    boolean defaultPort = uri.getPort() == -1 || uri.getPort() == (secure() ? 443 : 80);
    return defaultPort ? host : host + ":" + uri.getPort();
  }
}
