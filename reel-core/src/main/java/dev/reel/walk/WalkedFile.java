package dev.reel.walk;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A file that a walk found, with what the file system said of it when it was listed.
 *
 * @param path the file, as reached from its root
 * @param root the folder the walk started from, or the file itself when it was named directly
 * @param sizeBytes its size (0 for what is not a regular file)
 * @param modified its modification time
 * @param named whether the user named the file directly (kept whatever its extension)
 * @param fileKey what identifies the file itself on its file system (device and inode), so that two
 *     names of one file (hard links) can be told apart from two copies; null where there is none
 */
public record WalkedFile(
    Path path, Path root, long sizeBytes, Instant modified, boolean named, Object fileKey) {
  public WalkedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(modified, "modified");
  }

  /** The path below its root with '/' separators (the file name for a file named directly). */
  public String relative() {
    Path rel = named ? path.getFileName() : root.relativize(path);
    return rel == null ? path.toString() : rel.toString().replace(java.io.File.separatorChar, '/');
  }
}
