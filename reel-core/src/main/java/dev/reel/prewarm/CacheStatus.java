package dev.reel.prewarm;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a CDN's cache verdict from response headers: {@code cf-cache-status} (Cloudflare), {@code
 * x-cache-status} (nginx), {@code x-cache} (CloudFront, Fastly, Varnish; the last of a
 * comma-separated chain is the edge), then {@code age} (a positive age means a cached copy).
 */
final class CacheStatus {
  /** The headers the client must keep for this. */
  static final List<String> HEADERS =
      List.of("cf-cache-status", "x-cache-status", "x-cache", "age");

  private static final List<String> WORDS =
      List.of("hit", "miss", "expired", "stale", "bypass", "dynamic", "revalidated", "updating");

  private CacheStatus() {}

  /** One of hit, miss, expired, stale, bypass, dynamic, revalidated, updating, other, none. */
  static String of(Map<String, String> headers) {
    String v = headers.get("cf-cache-status");
    if (v == null) {
      v = headers.get("x-cache-status");
    }
    if (v == null) {
      v = headers.get("x-cache");
      if (v != null) {
        int comma = v.lastIndexOf(',');
        v = comma >= 0 ? v.substring(comma + 1) : v;
      }
    }
    if (v != null) {
      String s = v.strip().toLowerCase(Locale.ROOT);
      if (s.startsWith("refreshhit") || s.startsWith("tcp_hit") || s.startsWith("hit")) {
        return "hit";
      }
      for (String w : WORDS) {
        if (s.startsWith(w) || s.startsWith("tcp_" + w)) {
          return w;
        }
      }
      return "other";
    }
    String age = headers.get("age");
    if (age != null) {
      try {
        return Long.parseLong(age.strip()) > 0 ? "hit" : "miss";
      } catch (NumberFormatException e) {
        return "other";
      }
    }
    return "none";
  }
}
