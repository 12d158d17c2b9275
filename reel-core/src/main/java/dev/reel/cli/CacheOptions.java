package dev.reel.cli;

import dev.reel.store.CacheFolder;
import dev.reel.store.Store;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** {@code --cache DIR} and {@code --no-cache}: where reel's store is, or none. */
final class CacheOptions {
  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description = "The cache folder. Default: $XDG_CACHE_HOME/reel or ~/.cache/reel.")
  Path folder;

  @Option(names = "--no-cache", description = "Neither read nor write the cache.")
  boolean off;

  Path folder() {
    return CacheFolder.resolve(folder, System.getenv());
  }

  /** The store, unless turned off or unusable (then one line to {@code warnings}). */
  Optional<Store> open(Consumer<String> warnings) {
    return off ? Optional.empty() : Store.open(folder(), warnings);
  }
}
