package dev.reel.organize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The targets of one plan: which names the plan has taken, and what is on disk at a name already
 * (nothing, the source itself, the same bytes, or another file). Folders are looked at once: most
 * targets are in folders that do not exist yet, and a name in a missing folder needs no look.
 */
final class Targets {
  /** What a target name holds already. */
  enum Existing {
    NONE,
    SAME_FILE,
    IDENTICAL,
    OTHER
  }

  private final ContentHasher hasher;
  private final Consumer<String> warnings;
  private final Set<Path> claimed = new HashSet<>();
  private final Map<Path, Boolean> folders = new HashMap<>();

  Targets(ContentHasher hasher, Consumer<String> warnings) {
    this.hasher = hasher;
    this.warnings = warnings;
  }

  void claim(Path target) {
    claimed.add(target);
  }

  boolean isClaimed(Path target) {
    return claimed.contains(target);
  }

  boolean exists(Path p) {
    Path parent = p.getParent();
    if (parent != null && !folders.computeIfAbsent(parent, f -> Files.isDirectory(f))) {
      return false;
    }
    return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * What is at {@code target}: a name the plan took counts as another file.
   *
   * @param modified the source's modification time for the hash cache, or null to hash it afresh
   */
  Existing existing(Path target, Path source, long size, Instant modified) {
    if (claimed.contains(target)) {
      return Existing.OTHER;
    }
    if (!exists(target)) {
      return Existing.NONE;
    }
    try {
      if (Files.isSymbolicLink(target)) {
        Path to = Files.readSymbolicLink(target);
        return to.equals(source) ? Existing.SAME_FILE : Existing.OTHER;
      }
      if (Files.isSameFile(target, source)) {
        return Existing.SAME_FILE;
      }
      long targetSize = Files.size(target);
      if (targetSize == size && size > 0) {
        Instant t = Files.getLastModifiedTime(target).toInstant();
        long a = hasher.full(target, targetSize, t);
        long b =
            modified == null ? ContentHasher.fullOf(source) : hasher.full(source, size, modified);
        return a == b ? Existing.IDENTICAL : Existing.OTHER;
      }
      return Existing.OTHER;
    } catch (IOException e) {
      warnings.accept("cannot compare with " + target + ": " + e.getMessage());
      return Existing.OTHER;
    }
  }

  /** {@code Name (n).ext} beside {@code target}. */
  static Path indexed(Path target, int n) {
    String name = target.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    return target.resolveSibling(stem + " (" + n + ")" + ext);
  }
}
