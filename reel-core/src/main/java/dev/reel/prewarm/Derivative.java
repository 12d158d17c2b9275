package dev.reel.prewarm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A rendition to warm: a name, a size, and extra parameters for the URL (for example {@code
 * quality=high}), in the order given.
 */
public record Derivative(String name, int width, int height, Map<String, String> params)
    implements java.io.Serializable {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Pattern SIZE = Pattern.compile("(\\d{1,5})x(\\d{1,5})");

  /** The seed pre-warmer's three renditions. */
  public static final List<Derivative> PRESETS =
      List.of(
          new Derivative("desktop", 1920, 1080, Map.of()),
          new Derivative("tablet", 1280, 720, Map.of()),
          new Derivative("mobile", 854, 640, Map.of()));

  public Derivative {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "derivative name '" + name + "' must be letters, digits, '_', '.', '-' (up to 64)");
    }
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "derivative " + name + " needs a positive size, not " + width + "x" + height);
    }
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** A preset by name, or null. */
  public static Derivative preset(String name) {
    for (Derivative d : PRESETS) {
      if (d.name.equals(name)) {
        return d;
      }
    }
    return null;
  }

  /**
   * Parses {@code name=WxH[,key=value...]}, or a preset name alone.
   *
   * @throws IllegalArgumentException with the spec and what is wrong
   */
  public static Derivative parse(String spec) {
    String s = spec.strip();
    int eq = s.indexOf('=');
    if (eq < 0) {
      Derivative p = preset(s);
      if (p == null) {
        throw new IllegalArgumentException(
            "unknown derivative '" + s + "': use desktop, tablet, mobile or name=WxH[,key=value]");
      }
      return p;
    }
    String name = s.substring(0, eq);
    String[] parts = s.substring(eq + 1).split(",", -1);
    var size = SIZE.matcher(parts[0].strip());
    if (!size.matches()) {
      throw new IllegalArgumentException(
          "derivative '" + spec + "': size must be WIDTHxHEIGHT, not '" + parts[0] + "'");
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String kv = parts[i].strip();
      int e = kv.indexOf('=');
      if (e <= 0) {
        throw new IllegalArgumentException(
            "derivative '" + spec + "': parameter '" + kv + "' must be key=value");
      }
      params.put(kv.substring(0, e).strip(), kv.substring(e + 1).strip());
    }
    return new Derivative(
        name, Integer.parseInt(size.group(1)), Integer.parseInt(size.group(2)), params);
  }

  /** The spec that parses back to this derivative. */
  public String spec() {
    StringBuilder b = new StringBuilder(name).append('=').append(width).append('x').append(height);
    params.forEach((k, v) -> b.append(',').append(k).append('=').append(v));
    return b.toString();
  }
}
