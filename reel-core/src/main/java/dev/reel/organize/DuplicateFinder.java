package dev.reel.organize;

import dev.reel.concurrent.StopToken;
import dev.reel.progress.ProgressModel;
import dev.reel.walk.FolderWalker;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds byte-identical files without reading most of them: files are grouped by size, files that
 * share a size by a quick hash of their first and last blocks, and only files that still share one
 * are read whole; hard links to one file are read once. Of each set of identical files the first in
 * {@code preference} order is kept; the others are reported as its copies.
 */
final class DuplicateFinder {
  private final ContentHasher hasher;
  private final Consumer<String> warnings;

  DuplicateFinder(ContentHasher hasher, Consumer<String> warnings) {
    this.hasher = hasher;
    this.warnings = warnings;
  }

  /**
   * @param files candidates (files of size 0 are never duplicates)
   * @param preference which of identical files is kept: the smallest
   * @return for each file that is a copy, the file it is a copy of
   */
  Map<ScannedFile, ScannedFile> copies(
      List<ScannedFile> files,
      Comparator<ScannedFile> preference,
      StopToken stop,
      ProgressModel progress) {
    Map<Long, List<ScannedFile>> bySize = new HashMap<>();
    for (ScannedFile f : files) {
      if (f.file().sizeBytes() > 0) {
        bySize.computeIfAbsent(f.file().sizeBytes(), k -> new ArrayList<>()).add(f);
      }
    }
    List<List<ScannedFile>> sameSize = bySize.values().stream().filter(l -> l.size() > 1).toList();
    progress.total(sameSize.stream().mapToLong(List::size).sum());
    Map<ScannedFile, ScannedFile> copies = new java.util.IdentityHashMap<>();
    for (List<ScannedFile> group : sameSize) {
      if (stop.isStopped()) {
        break;
      }
      for (List<ScannedFile> quickSame : split(group, true, progress)) {
        for (List<ScannedFile> same : split(quickSame, false, null)) {
          List<ScannedFile> sorted = new ArrayList<>(same);
          sorted.sort(preference);
          for (int i = 1; i < sorted.size(); i++) {
            copies.put(sorted.get(i), sorted.get(0));
          }
        }
      }
    }
    hasher.flush();
    return copies;
  }

  /** Splits a group by quick or full hash; groups of one are dropped. */
  private List<List<ScannedFile>> split(
      List<ScannedFile> group, boolean quick, ProgressModel progress) {
    if (group.size() < 2) {
      return List.of();
    }
    Map<Long, List<ScannedFile>> byHash = new HashMap<>();
    // names of one file (hard links) are hashed once: a linked library is not read ten times
    Map<Object, Long> byInode = new HashMap<>();
    for (ScannedFile f : group) {
      try {
        Object inode = f.file().fileKey();
        Long known = inode == null ? null : byInode.get(inode);
        long h =
            known != null
                ? known
                : quick
                    ? hasher.quick(f.file().path(), f.file().sizeBytes(), f.file().modified())
                    : hasher.full(f.file().path(), f.file().sizeBytes(), f.file().modified());
        if (inode != null) {
          byInode.put(inode, h);
        }
        byHash.computeIfAbsent(h, k -> new ArrayList<>()).add(f);
      } catch (IOException e) {
        warnings.accept("cannot read " + f.file().path() + ": " + FolderWalker.reason(e));
      }
      if (progress != null) {
        progress.ok();
      }
    }
    return byHash.values().stream().filter(l -> l.size() > 1).toList();
  }
}
