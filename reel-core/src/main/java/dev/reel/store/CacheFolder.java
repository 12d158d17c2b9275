package dev.reel.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the cache lives: {@code --cache DIR} when given, else {@code $XDG_CACHE_HOME/reel}, else
 * {@code ~/.cache/reel}. The system property {@code reel.cache.dir} stands in for the environment
 * (the build sets it so that tests never write into the user's home).
 */
public final class CacheFolder {
  private CacheFolder() {}

  public static Path resolve(Path option, Map<String, String> env) {
    if (option != null) {
      return option;
    }
    String prop = System.getProperty("reel.cache.dir");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "reel");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "reel");
  }
}
