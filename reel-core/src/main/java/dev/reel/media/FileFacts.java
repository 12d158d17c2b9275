package dev.reel.media;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/** What the file system says about a file, read before any media work. */
public record FileFacts(Path path, long sizeBytes, Instant modified) {
  public FileFacts {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(modified, "modified");
  }
}
