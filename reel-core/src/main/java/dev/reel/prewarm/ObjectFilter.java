package dev.reel.prewarm;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;

/**
 * Which listed objects to keep. Extensions compare without case and without the dot. A glob without
 * '/' matches the file name anywhere (as rclone's filters do); one with '/' matches the whole path.
 * With includes, an object must match one; it must match no exclude.
 *
 * @param minSizeBytes -1 for no minimum; objects of unknown size pass size limits
 * @param maxSizeBytes -1 for no maximum
 */
public record ObjectFilter(
    List<String> extensions,
    long minSizeBytes,
    long maxSizeBytes,
    List<String> includes,
    List<String> excludes) {

  /** Keeps everything. */
  public static final ObjectFilter ALL = new ObjectFilter(List.of(), -1, -1, List.of(), List.of());

  public ObjectFilter {
    extensions =
        extensions.stream()
            .map(e -> e.startsWith(".") ? e.substring(1) : e)
            .map(e -> e.toLowerCase(Locale.ROOT))
            .toList();
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    if (minSizeBytes >= 0 && maxSizeBytes >= 0 && minSizeBytes > maxSizeBytes) {
      throw new IllegalArgumentException(
          "--min-size (" + minSizeBytes + ") is above --max-size (" + maxSizeBytes + ")");
    }
    for (String g : includes) {
      Glob.compile(g);
    }
    for (String g : excludes) {
      Glob.compile(g);
    }
  }

  /** A compiled filter. */
  Matcher matcher() {
    return new Matcher(this);
  }

  static final class Matcher {
    private final ObjectFilter f;
    private final List<Glob> includes;
    private final List<Glob> excludes;

    private Matcher(ObjectFilter f) {
      this.f = f;
      this.includes = f.includes.stream().map(Glob::compile).toList();
      this.excludes = f.excludes.stream().map(Glob::compile).toList();
    }

    boolean keeps(ListedObject o) {
      if (!f.extensions.isEmpty()) {
        String name = o.path();
        int dot = name.lastIndexOf('.');
        if (dot < 0 || name.indexOf('/', dot) >= 0) {
          return false;
        }
        if (!f.extensions.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
          return false;
        }
      }
      if (o.sizeBytes() >= 0) {
        if (f.minSizeBytes >= 0 && o.sizeBytes() < f.minSizeBytes) {
          return false;
        }
        if (f.maxSizeBytes >= 0 && o.sizeBytes() > f.maxSizeBytes) {
          return false;
        }
      }
      if (!includes.isEmpty() && includes.stream().noneMatch(g -> g.matches(o.path()))) {
        return false;
      }
      return excludes.stream().noneMatch(g -> g.matches(o.path()));
    }
  }

  /** One glob pattern. */
  private record Glob(PathMatcher matcher, boolean wholePath) {
    static Glob compile(String pattern) {
      try {
        return new Glob(
            FileSystems.getDefault().getPathMatcher("glob:" + pattern), pattern.contains("/"));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("invalid glob '" + pattern + "': " + e.getMessage());
      }
    }

    boolean matches(String path) {
      try {
        Path p = Path.of(path);
        return matcher.matches(wholePath ? p : p.getFileName());
      } catch (IllegalArgumentException e) {
        return false; // a name this file system cannot hold (NUL): no glob matches it
      }
    }
  }
}
