package dev.reel.prewarm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a derivative's URL is made from the base URL and the object path. Named formats, or a
 * template with placeholders: {@code {base}} (base URL), {@code {path}} (the URL-encoded path,
 * folders kept), {@code {name}}, {@code {width}}, {@code {height}}, {@code {origin}} (the --origin
 * URL), {@code {params}} (extra parameters as {@code k=v&k=v}).
 */
public final class UrlFormat implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  static final Set<String> PLACEHOLDERS =
      Set.of("base", "path", "name", "width", "height", "origin", "params");
  static final List<String> NAMES = List.of("imwidth", "derivative", "query", "cdn-cgi");
  private final String kind;
  private final List<String> parts;

  private UrlFormat(String kind, List<String> parts) {
    this.kind = kind;
    this.parts = parts;
  }

  /**
   * A named format (imwidth, derivative, query, cdn-cgi), or a template when the text holds a
   * placeholder.
   *
   * @throws IllegalArgumentException for an unknown name or an invalid template
   */
  public static UrlFormat parse(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (NAMES.contains(lower)) {
      return new UrlFormat(lower, List.of());
    }
    if (!text.contains("{")) {
      throw new IllegalArgumentException(
          "unknown URL format '"
              + text
              + "': use imwidth, derivative, query, cdn-cgi, or a template with {path}");
    }
    return new UrlFormat("template", compile(text));
  }

  /** Splits a template into literal text and placeholder names (odd positions). */
  private static List<String> compile(String t) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    boolean hasPath = false;
    while (i < t.length()) {
      int open = t.indexOf('{', i);
      int close = t.indexOf('}', i);
      if (close >= 0 && (open < 0 || close < open)) {
        throw new IllegalArgumentException(
            "invalid template: '}' without '{' at " + close + " in " + t);
      }
      if (open < 0) {
        parts.add(t.substring(i));
        parts.add(null);
        break;
      }
      int end = t.indexOf('}', open);
      if (end < 0) {
        throw new IllegalArgumentException(
            "invalid template: '{' at " + open + " is not closed in " + t);
      }
      String name = t.substring(open + 1, end);
      if (!PLACEHOLDERS.contains(name)) {
        throw new IllegalArgumentException(
            "invalid template: unknown placeholder {"
                + name
                + "} (known: {base} {path} {name} {width} {height} {origin} {params})");
      }
      hasPath |= name.equals("path");
      parts.add(t.substring(i, open));
      parts.add(name);
      i = end + 1;
    }
    if (!hasPath) {
      throw new IllegalArgumentException("invalid template: it has no {path}: " + t);
    }
    return java.util.Collections.unmodifiableList(parts);
  }

  /**
   * The URL of {@code derivative} of the object at {@code path}.
   *
   * @param base the base URL without a trailing '/'
   * @param origin the origin for cdn-cgi and {origin}, or null
   */
  String url(String base, String path, Derivative d, String origin) {
    String p = UrlPaths.encodePath(path);
    return switch (kind) {
      case "imwidth" -> base + "/" + p + query("imwidth=" + d.width(), d.params());
      case "derivative" ->
          base + "/" + p + query("derivative=" + UrlPaths.encodeQuery(d.name()), d.params());
      case "query" ->
          base + "/" + p + query("width=" + d.width() + "&height=" + d.height(), d.params());
      case "cdn-cgi" -> cdnCgi(base, p, d, origin);
      default -> template(base, p, d, origin);
    };
  }

  private static String query(String first, Map<String, String> params) {
    StringBuilder b = new StringBuilder("?").append(first);
    params.forEach(
        (k, v) ->
            b.append('&')
                .append(UrlPaths.encodeQuery(k))
                .append('=')
                .append(UrlPaths.encodeQuery(v)));
    return b.toString();
  }

  private static String cdnCgi(String base, String p, Derivative d, String origin) {
    StringBuilder b =
        new StringBuilder(base)
            .append("/cdn-cgi/media/width=")
            .append(d.width())
            .append(",height=")
            .append(d.height())
            .append(",fit=contain");
    d.params()
        .forEach(
            (k, v) ->
                b.append(',')
                    .append(UrlPaths.encodeQuery(k))
                    .append('=')
                    .append(UrlPaths.encodeQuery(v)));
    b.append('/');
    if (origin != null) {
      b.append(origin).append('/');
    }
    return b.append(p).toString();
  }

  private String template(String base, String p, Derivative d, String origin) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < parts.size(); i += 2) {
      b.append(parts.get(i));
      String ph = parts.get(i + 1);
      if (ph == null) {
        continue;
      }
      switch (ph) {
        case "base" -> b.append(base);
        case "path" -> b.append(p);
        case "name" -> b.append(UrlPaths.encodeQuery(d.name()));
        case "width" -> b.append(d.width());
        case "height" -> b.append(d.height());
        case "origin" -> b.append(origin == null ? "" : origin);
        default -> {
          StringBuilder q = new StringBuilder();
          d.params()
              .forEach(
                  (k, v) ->
                      q.append(q.isEmpty() ? "" : "&")
                          .append(UrlPaths.encodeQuery(k))
                          .append('=')
                          .append(UrlPaths.encodeQuery(v)));
          b.append(q);
        }
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    if (!kind.equals("template")) {
      return kind;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < parts.size(); i += 2) {
      b.append(parts.get(i));
      if (parts.get(i + 1) != null) {
        b.append('{').append(parts.get(i + 1)).append('}');
      }
    }
    return b.toString();
  }
}
