package dev.reel.organize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to organize and how.
 *
 * @param sources files and folders to organize
 * @param library the library root ({@code --into})
 * @param action move, copy, hardlink or symlink
 * @param duplicatesDir where duplicates go when moving
 * @param quarantineDir where unplayable files go, or null to leave them where they are
 * @param inPlace whether the library itself is among the sources (re-organizing a library)
 */
public record OrganizeRequest(
    List<Path> sources,
    Path library,
    Naming naming,
    Verb action,
    OnConflict onConflict,
    Path duplicatesDir,
    Path quarantineDir,
    boolean inPlace,
    Scan scan) {

  /**
   * How files are found and probed.
   *
   * @param workers how many files are probed at once
   * @param timeout how long one probe may take
   */
  public record Scan(int workers, Duration timeout, boolean includeHidden) {
    public Scan {
      Objects.requireNonNull(timeout, "timeout");
      if (workers < 1) {
        throw new IllegalArgumentException("workers (" + workers + ") must be at least 1");
      }
    }
  }

  public OrganizeRequest {
    sources = sources.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no source to organize");
    }
    library = library.toAbsolutePath().normalize();
    Objects.requireNonNull(naming, "naming");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(onConflict, "onConflict");
    Objects.requireNonNull(scan, "scan");
    if (action == Verb.NONE) {
      throw new IllegalArgumentException("the action must be move, copy, hardlink or symlink");
    }
    duplicatesDir =
        duplicatesDir == null
            ? library.resolve(".reel").resolve("duplicates")
            : duplicatesDir.toAbsolutePath().normalize();
    quarantineDir = quarantineDir == null ? null : quarantineDir.toAbsolutePath().normalize();
  }
}
