package dev.reel.prewarm;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks a base or origin URL: http(s), a host, no user info (no secrets in URLs we print). */
final class BaseUrl {
  private BaseUrl() {}

  static String normalize(String url) {
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("invalid URL '" + url + "': " + e.getReason());
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("URL must start with http:// or https://: " + url);
    }
    if (u.getHost() == null) {
      throw new IllegalArgumentException("URL has no host: " + url);
    }
    if (u.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "URL must not hold a user name or password (it would be printed); use -H 'Authorization:"
              + " ...' instead");
    }
    if (u.getRawQuery() != null || u.getRawFragment() != null) {
      throw new IllegalArgumentException("base URL must not have a query or fragment: " + url);
    }
    String s = url;
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }
}
