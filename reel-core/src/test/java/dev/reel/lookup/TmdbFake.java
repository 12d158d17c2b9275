package dev.reel.lookup;

import dev.reel.http.TestHttpServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reading a TMDB-style request on the test server: its API path and query parameters. */
public final class TmdbFake {
  private TmdbFake() {}

  /** The path after the API root {@code /3/}: {@code search/tv}, {@code tv/1396/season/1}. */
  public static String path(TestHttpServer.Request req) {
    String t = req.target();
    int q = t.indexOf('?');
    String p = q < 0 ? t : t.substring(0, q);
    return p.startsWith("/3/") ? p.substring(3) : p;
  }

  /** A query parameter, decoded; empty when absent. */
  public static String param(TestHttpServer.Request req, String name) {
    String t = req.target();
    int q = t.indexOf('?');
    if (q >= 0) {
      for (String kv : t.substring(q + 1).split("&")) {
        if (kv.startsWith(name + "=")) {
          return URLDecoder.decode(kv.substring(name.length() + 1), StandardCharsets.UTF_8);
        }
      }
    }
    return "";
  }
}
