package dev.reel.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One request to send: method ({@code GET} or {@code HEAD}), where (an {@link Endpoint} and the
 * request target, the path and query as sent), and extra headers in order. Callers that send many
 * requests to one host build the endpoint once and skip URL parsing per request.
 */
public record HttpRequestSpec(
    String method, Endpoint endpoint, String target, List<Header> headers) {

  /**
   * A request header, checked once here so that requests need no validation: the name is an HTTP
   * token, the value has no line break or NUL. Messages never quote the value (it may be a secret).
   */
  public record Header(String name, String value) implements java.io.Serializable {
    private static final java.util.regex.Pattern TOKEN =
        java.util.regex.Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public Header {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (!TOKEN.matcher(name).matches()) {
        throw new IllegalArgumentException("invalid header name '" + name + "'");
      }
      if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
        throw new IllegalArgumentException(
            "header " + name + " has a line break or NUL in its value");
      }
    }
  }

  /** A scheme, host and port: what one connection pool serves. The host is in lower case. */
  public record Endpoint(boolean secure, String host, int port) {
    public Endpoint {
      Objects.requireNonNull(host, "host");
      host = host.toLowerCase(Locale.ROOT);
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
    }

    /**
     * The endpoint of an absolute http(s) URI.
     *
     * @throws IllegalArgumentException for another scheme or no host
     */
    public static Endpoint of(URI uri) {
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException("not an http(s) URL: " + uri);
      }
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("no host in URL: " + uri);
      }
      boolean secure = scheme.equals("https");
      return new Endpoint(
          secure, uri.getHost(), uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80);
    }

    /** Written out: the generated record hash goes through method handles, on every request. */
    @Override
    public int hashCode() {
      return (host.hashCode() * 31 + port) * 2 + (secure ? 1 : 0);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Endpoint e && e.port == port && e.secure == secure && e.host.equals(host);
    }

    /** The Host header: the host, and the port when it is not the scheme's default. */
    public String hostHeader() {
      String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
      return port == (secure ? 443 : 80) ? h : h + ":" + port;
    }

    /** {@code scheme://host[:port]}. */
    public String origin() {
      return (secure ? "https://" : "http://") + hostHeader();
    }
  }

  public HttpRequestSpec {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(target, "target");
    if (!target.startsWith("/")) {
      throw new IllegalArgumentException("request target must start with '/': " + target);
    }
    headers = List.copyOf(headers);
  }

  /** A request for an absolute http(s) URI. */
  public static HttpRequestSpec of(String method, URI uri, List<Header> headers) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    return new HttpRequestSpec(method, Endpoint.of(uri), target, headers);
  }

  /** The full URL, for messages. */
  public String url() {
    return endpoint.origin() + target;
  }
}
